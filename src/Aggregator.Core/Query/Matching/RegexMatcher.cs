using Aggregator.Core.Query.Syntax;
using System.Text.RegularExpressions;

namespace Aggregator.Core.Query.Matching;

/// <summary>
/// A .NET regex over the plain text of each field of <c>mask</c> separately. When the pattern has
/// required literal words, it runs only on items where one of them occurred (its prefilter slots).
/// A regex that exceeds its time limit counts as no match for that field.
/// </summary>
internal sealed class RegexMatcher : Matcher
{
    private readonly Regex _regex;
    private readonly int _mask;
    private readonly string _display;
    private readonly int[]? _prefilter;

    public RegexMatcher(Regex regex, int mask, string display, int[]? prefilter)
    {
        _regex = regex;
        _mask = mask;
        _display = display;
        _prefilter = prefilter;
    }

    /// <summary>Any prefilter literal anchors it; the regex itself costs more than a word comparison.</summary>
    public override Anchoring Anchor(SlotCosts costs) =>
        _prefilter is null ? Anchoring.None : new Anchoring(_prefilter, costs.OfAny(_prefilter) + 16);

    public override bool IsMatch(MatchContext ctx)
    {
        if (!PrefilterAllows(ctx)) return false;
        for (var field = 0; field < FieldNames.Count; field++)
            if ((_mask & (1 << field)) != 0 && Find(ctx.TextOf(field)) is not null) return true;
        return false;
    }

    public override void Explain(MatchContext ctx, List<TermMatch> into)
    {
        for (var field = 0; field < FieldNames.Count; field++)
        {
            if ((_mask & (1 << field)) == 0) continue;
            if (Find(ctx.TextOf(field)) is { } match) into.Add(ctx.DescribeText(_display, field, match.Index, match.Length));
        }
    }

    private bool PrefilterAllows(MatchContext ctx)
    {
        if (_prefilter is null) return true;
        foreach (var slot in _prefilter)
            if (ctx.Has(slot, _mask)) return true;
        return false;
    }

    private Match? Find(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        try
        {
            var match = _regex.Match(text);
            return match.Success ? match : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
