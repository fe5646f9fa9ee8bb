namespace Aggregator.Core.Opml;

/// <summary>An outline that was not taken, where it sits in the file ("line:column") and why.</summary>
internal sealed record OpmlSkipped(string Outline, string At, string Reason);
