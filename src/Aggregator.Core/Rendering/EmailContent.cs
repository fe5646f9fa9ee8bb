namespace Aggregator.Core.Rendering;

/// <summary>
/// A rendered email: a one-line subject, a plain text body and an HTML body (already encoded; a channel
/// may sanitise it again). <see cref="RuleIds"/> are the rules behind it, one header each.
/// </summary>
public sealed record EmailContent(string Subject, string TextBody, string HtmlBody, IReadOnlyList<string> RuleIds);
