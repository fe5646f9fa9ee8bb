using Aggregator.Core.Query;

namespace Aggregator.Core.Rendering;

/// <summary>Why a rule fired, in one phrase: <c>troops (title), border (title, summary)</c>.</summary>
public static class MatchSummary
{
    public static string Of(RuleMatch rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var terms = rule.Matches
            .GroupBy(m => m.Term, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ({string.Join(", ", g.Select(m => m.Field).Distinct(StringComparer.Ordinal))})");
        return OneLine.Clean(string.Join(", ", terms), 1000);
    }
}
