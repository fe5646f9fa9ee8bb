using Aggregator.Core.Query.Syntax;
using Aggregator.Core.Text;

namespace Aggregator.Core.Query.Matching;

/// <summary>
/// The compiled term dictionary: folded words, stems and prefixes to slots, and each slot to the rules
/// it makes candidates. <see cref="Scan"/> reads one field once, records every slot hit with its
/// position and collects candidate rules; words no rule mentions cost one or two hash lookups.
/// </summary>
internal sealed class TermTable
{
    private readonly Dictionary<string, int> _exact;
    private readonly Dictionary<string, int> _stem;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _exactLookup;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _stemLookup;
    private readonly PrefixTrie? _prefixes;
    private readonly int[][] _postings;

    public TermTable(Dictionary<string, int> exact, Dictionary<string, int> stem, PrefixTrie? prefixes, int[][] postings)
    {
        _exact = exact;
        _stem = stem;
        _exactLookup = exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _stemLookup = stem.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixes = prefixes;
        _postings = postings;
    }

    public int SlotCount => _postings.Length;

    /// <summary>Reads <paramref name="text"/> as (part of) field <paramref name="field"/>, offsets shifted by <paramref name="offset"/>.</summary>
    public void Scan(MatchContext ctx, int field, int segment, string? text, int offset)
    {
        if (string.IsNullOrEmpty(text)) return;
        var reader = ctx.Reader;
        var tokens = ctx.Tokens;
        reader.Reset(text);
        var anyExact = _exact.Count > 0;
        var anyStem = _stem.Count > 0;
        while (reader.Next())
        {
            var folded = reader.Folded;
            var token = tokens.Add(field, segment, reader.Start + offset, reader.Length);
            if (anyExact && _exactLookup.TryGetValue(folded, out var exact))
            {
                tokens.Exact[token] = exact;
                Hit(ctx, exact, token, field);
            }
            if (anyStem)
            {
                if (ctx.StemBuffer.Length < folded.Length) ctx.StemBuffer = new char[folded.Length * 2];
                var n = PluralFolding.Stem(folded, ctx.StemBuffer);
                if (_stemLookup.TryGetValue(ctx.StemBuffer.AsSpan(0, n), out var stem))
                {
                    tokens.Stem[token] = stem;
                    Hit(ctx, stem, token, field);
                }
            }
            if (_prefixes is not null) ScanPrefixes(ctx, folded, token, field);
        }
    }

    private void ScanPrefixes(MatchContext ctx, ReadOnlySpan<char> folded, int token, int field)
    {
        var node = _prefixes!.Root;
        foreach (var c in folded)
        {
            node = node.Child(c);
            if (node is null) return;
            if (node.Slot >= 0) Hit(ctx, node.Slot, token, field);
        }
    }

    private void Hit(MatchContext ctx, int slot, int token, int field)
    {
        if (!ctx.AddOccurrence(slot, token, field)) return;
        foreach (var rule in _postings[slot]) ctx.AddCandidate(rule);
    }
}
