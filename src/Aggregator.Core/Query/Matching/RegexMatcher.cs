using Aggregator.Core.Query.Syntax;
using System.Text.RegularExpressions;

namespace Aggregator.Core.Query.Matching;

/// <summary>
/// A .NET regex over the plain text of each field of <c>mask</c> separately, and of each value of a
/// multi-valued field (each category on its own: <c>^</c> and <c>$</c> are that value's bounds). When the pattern has
/// required literal words, it runs only on items where one of them occurred (its prefilter slots).
/// A regex that exceeds its time limit counts as no match for that field, and so does every regex once the
/// item's or the poll's <see cref="RegexBudget"/> is spent.
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
        for (var field = Field.Title; field <= Field.Feed; field++)
            if ((_mask & (1 << (int)field)) != 0 && FindInField(ctx, field).Length >= 0) return true;
        return false;
    }

    public override void Explain(MatchContext ctx, List<TermMatch> into)
    {
        for (var field = Field.Title; field <= Field.Feed; field++)
        {
            if ((_mask & (1 << (int)field)) == 0) continue;
            var (start, length) = FindInField(ctx, field);
            if (length >= 0) into.Add(ctx.DescribeText(_display, field, start, length));
        }
    }

    /// <summary>The first match in a field, as an offset into its plain text; length -1 when there is none.</summary>
    private (int Start, int Length) FindInField(MatchContext ctx, Field field)
    {
        var values = ctx.ValuesOf(field);
        if (values is null || values.Count <= 1)
            return Find(ctx, ctx.TextOf(field)) is { } match ? (match.Index, match.Length) : (0, -1);
        var offset = 0;
        foreach (var value in values)
        {
            if (Find(ctx, value) is { } match) return (offset + match.Index, match.Length);
            offset += (value?.Length ?? 0) + ItemReader.ValueSeparator.Length;
        }
        return (0, -1);
    }

    private bool PrefilterAllows(MatchContext ctx)
    {
        if (_prefilter is null) return true;
        foreach (var slot in _prefilter)
            if (ctx.Has(slot, _mask)) return true;
        return false;
    }

    /// <summary>The first match in <paramref name="text"/>; none past the field's time limit or when the item's or poll's <see cref="RegexBudget"/> is spent.</summary>
    private Match? Find(MatchContext ctx, string? text)
    {
        if (string.IsNullOrEmpty(text) || !ctx.RegexBudget.TryStart(out var started)) return null;
        try
        {
            var match = _regex.Match(text);
            return match.Success ? match : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
        finally
        {
            ctx.RegexBudget.Charge(started);
        }
    }
}
