namespace Aggregator.Storage;

/// <summary>The words mute kinds are stored under, and the one standing for "every" in a key column.</summary>
internal static class SubscriberChoiceNames
{
    /// <summary>
    /// Stands for "every rule" or "every address" in key columns, where a null would make each row distinct
    /// to a unique constraint; no rule id or address can be it.
    /// </summary>
    public const string All = "*";

    private static readonly StoredNames<MuteKind> Kinds = new("mute kind",
        (MuteKind.Link, "link"),
        (MuteKind.Word, "word"),
        (MuteKind.Story, "story"));

    public static string Name(MuteKind kind) => Kinds.Name(kind);

    public static MuteKind ParseKind(string name) => Kinds.Parse(name);

    public static string Key(string? value) => value ?? All;

    public static string? FromKey(string key) => key == All ? null : key;

    /// <summary>Addresses compare in any case, so one is stored in one case.</summary>
    public static string AddressKey(string? address) => address is null ? All : address.Trim().ToLowerInvariant();

    /// <summary>A muted word matches in any case, so it is stored in one case; a link is kept as given.</summary>
    public static string MuteValue(MuteKind kind, string value) => kind == MuteKind.Word ? value.Trim().ToLowerInvariant() : value.Trim();
}
