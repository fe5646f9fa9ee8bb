namespace Aggregator.Core.Alerts;

/// <summary>Which part of a digest a message is, when the whole was too large for the receiver: "part 1 of 3".</summary>
public sealed record DigestPart(int Number, int Count)
{
    public override string ToString() => $"part {Number} of {Count}";
}
