namespace Aggregator.ConfigEditing;

/// <summary>A value the console writes into a config file: one string, or a list of strings.</summary>
internal abstract record YamlValue
{
    public static YamlValue Scalar(string text) => new YamlScalar(text);

    public static YamlValue List(params IEnumerable<string> items) => new YamlList([.. items]);
}

internal sealed record YamlScalar(string Text) : YamlValue;

/// <summary>Compared by its items, so two lists with the same values are equal.</summary>
internal sealed record YamlList(IReadOnlyList<string> Items) : YamlValue
{
    public bool Equals(YamlList? other) => other is not null && Items.SequenceEqual(other.Items, StringComparer.Ordinal);

    public override int GetHashCode() => Items.Aggregate(0, (hash, item) => HashCode.Combine(hash, item));
}

/// <summary>One key of a new entry, in the order it is written.</summary>
internal sealed record YamlEntryKey(string Key, YamlValue Value);
