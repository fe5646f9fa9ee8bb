namespace Aggregator.PublicPages;

// What the subscriber pages show; public because Razor components are. Addresses are shown masked, so a forwarded
// link does not hand the address on.

public sealed record PublicShell(string Title, string Site);

public sealed record UnsubscribeView(string Who, string? Rule, bool Done, Uri? Preferences);

public sealed record PreferencesView(
    string Who, DateTimeOffset? PausedUntil, string Digest, bool DigestChosen, IReadOnlyList<string> DigestChoices,
    IReadOnlyList<RuleChoiceRow> Rules, IReadOnlyList<MutedStoryRow> MutedStories, IReadOnlyList<UnsubscriptionRow> Unsubscriptions, string? Notice);

/// <summary>A rule that alerts the subscriber: on or off for them, and the words they muted for it.</summary>
public sealed record RuleChoiceRow(string Id, string Query, bool On, IReadOnlyList<string> MutedWords);

/// <summary>A muted story as the subscriber recognises it (its link), with what unmuting it posts back.</summary>
public sealed record MutedStoryRow(string Label, string Kind, string Value);

public sealed record UnsubscriptionRow(string Who, string? Rule, string? Address);

public sealed record AlertView(string RuleId, string Query, string? ItemLink, string? Notice, Uri? Preferences, Uri? Unsubscribe);
