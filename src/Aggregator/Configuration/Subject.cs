namespace Aggregator.Configuration;

/// <summary>
/// What a value is, as messages name it, in up to three parts: "an item of " + "the feeds of " + "rule 'x'".
/// The parts are joined only when a message is written: a config of 10,000 rules holds some 100,000 values
/// and usually reports none.
/// </summary>
internal readonly struct Subject(string first, string second, string third)
{
    public static Subject Of(string part, string whole) => new(string.Empty, part, whole);

    public static implicit operator Subject(string whole) => new(string.Empty, string.Empty, whole);

    /// <summary>One element of a list named <c>Of(part, whole)</c>.</summary>
    public Subject Item => new("an item of ", second, third);

    public override string ToString() => string.Concat(first, second, third);
}
