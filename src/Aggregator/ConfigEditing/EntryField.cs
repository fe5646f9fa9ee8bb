namespace Aggregator.ConfigEditing;

/// <summary>How a key's value is typed in a form and written back.</summary>
internal enum EntryFieldKind
{
    /// <summary>One line of text, written as a scalar.</summary>
    Text,

    /// <summary>A list, typed one item per line or separated by commas, written in the file's own list style.</summary>
    List,

    /// <summary>true or false, a checkbox.</summary>
    Flag,
}

/// <summary>A key of a feed, rule or subscriber that the console edits.</summary>
internal sealed record EntryField(string Key, EntryFieldKind Kind, string Hint)
{
    /// <summary>The keys the console edits, per section; the rest (a webhook's secrets) stay hand-edited.</summary>
    public static IReadOnlyList<EntryField> Of(ConfigSection section) => section switch
    {
        ConfigSection.Rules =>
        [
            new("query", EntryFieldKind.Text, "e.g. troops AND border; see the README's query language"),
            new("feeds", EntryFieldKind.List, "feed ids or tag:NAME, comma-separated; empty: every feed"),
            new("notify", EntryFieldKind.List, "subscriber ids, comma-separated"),
            new("enabled", EntryFieldKind.Flag, "a disabled rule stays in the file and matches nothing"),
        ],
        ConfigSection.Feeds =>
        [
            new("url", EntryFieldKind.Text, "an http(s) URL, or a file path relative to the config directory"),
            new("every", EntryFieldKind.Text, "poll interval, e.g. 15m; empty: settings.polling.defaultEvery"),
            new("cron", EntryFieldKind.Text, "a Quartz cron expression instead of every"),
            new("tags", EntryFieldKind.List, "comma-separated; rules refer to them as tag:NAME"),
            new("firstPoll", EntryFieldKind.Text, "baseline (default) or notify"),
        ],
        _ =>
        [
            new("email", EntryFieldKind.List, "addresses, comma-separated"),
            new("digest", EntryFieldKind.Text, "immediate, every 1h, daily 08:00 or weekly mon 08:00"),
            new("timezone", EntryFieldKind.Text, "IANA time zone of daily and weekly digests, e.g. Europe/London"),
        ],
    };

    /// <summary>Items of a list as typed: split on commas and line breaks, trimmed, empty ones dropped.</summary>
    public static IReadOnlyList<string> Items(string typed) =>
        [.. typed.Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
