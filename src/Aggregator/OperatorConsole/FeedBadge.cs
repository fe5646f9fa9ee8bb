using Aggregator.Status;

namespace Aggregator.OperatorConsole;

/// <summary>One word for a feed's state, shown as a badge and used as its CSS class.</summary>
internal static class FeedBadge
{
    public static string Of(FeedStatus feed) => feed switch
    {
        { Disabled: true } => "disabled",
        { ConsecutiveErrors: > 0 } => "failing",
        { RedirectedTo: not null } => "moved",
        { LastPollAt: null } => "waiting",
        _ => "ok",
    };
}

/// <summary>Times as the console shows them: UTC, to the second.</summary>
public static class Times
{
    /// <summary>A time an operator typed (<c>2026-12-04 09:00</c>, ISO 8601), read as UTC; null when empty or not a time.</summary>
    public static DateTimeOffset? TryParse(string? text) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    public static string Format(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
