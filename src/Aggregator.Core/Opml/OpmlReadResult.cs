using System.Diagnostics.CodeAnalysis;

namespace Aggregator.Core.Opml;

/// <summary>The document read, or why the file as a whole was refused.</summary>
internal sealed record OpmlReadResult(OpmlDocument? Document, string? Error)
{
    [MemberNotNullWhen(true, nameof(Document))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Document is not null;

    public static OpmlReadResult Read(OpmlDocument document) => new(document, null);

    public static OpmlReadResult Refused(string error) => new(null, error);
}
