using Aggregator.Core.Query.Syntax;

namespace Aggregator.Core.Query.Matching;

/// <summary>
/// The compiled term dictionary: folded words and prefixes to slots, and each slot to the rules it makes
/// candidates. <see cref="Scan"/> reads one field once, records every slot hit with its position and
/// collects candidate rules; a word costs one lookup (the rules' words are already inflected), and
/// most words no rule mentions are turned away by the dictionary's filter.
/// </summary>
internal sealed class TermTable
{
    private readonly TermDictionary _words;
    private readonly PrefixTable? _prefixes;
    // Per slot: the one rule it makes a candidate (>= 0), none (-1), or where its list starts in _postingLists
    // (-2 - start; the list is its length, then the rules). Most slots anchor one rule or none, so a hit reads
    // one int rather than a range and then a second array.
    private readonly int[] _postings;
    private readonly int[] _postingLists;

    /// <param name="words">Folded words to their slots.</param>
    /// <param name="postings">For each slot, the rules it makes candidates.</param>
    public TermTable(IReadOnlyDictionary<string, int> words, PrefixTable? prefixes, int[][] postings)
    {
        _words = new TermDictionary(words);
        _prefixes = prefixes;
        _postings = new int[postings.Length];
        var lists = new List<int>();
        for (var slot = 0; slot < postings.Length; slot++)
        {
            var rules = postings[slot];
            if (rules.Length <= 1)
            {
                _postings[slot] = rules.Length == 0 ? -1 : rules[0];
                continue;
            }
            _postings[slot] = -2 - lists.Count;
            lists.Add(rules.Length);
            lists.AddRange(rules);
        }
        _postingLists = [.. lists];
    }

    public int SlotCount => _postings.Length;

    /// <summary>Reads <paramref name="text"/> as (part of) field <paramref name="field"/>, offsets shifted by <paramref name="offset"/>.</summary>
    public void Scan(MatchContext ctx, Field field, int segment, string? text, int offset)
    {
        if (string.IsNullOrEmpty(text)) return;
        var reader = ctx.Reader;
        var tokens = ctx.Tokens;
        reader.Reset(text);
        var anyWords = _words.Count > 0;
        while (reader.Next())
        {
            var token = tokens.Add(field, segment, reader.Start + offset, reader.Length);
            if (anyWords) ScanWord(ctx, reader.Folded, token, field);
            if (_prefixes is not null) ScanPrefixes(ctx, reader.Folded, token, field);
        }
    }

    private void ScanWord(MatchContext ctx, ReadOnlySpan<char> folded, int token, Field field)
    {
        if (!_words.TryGetValue(folded, WordHash.Of(folded), out var slot)) return;
        ctx.Tokens[token].Slot = slot;
        Hit(ctx, slot, token, field);
    }

    private void ScanPrefixes(MatchContext ctx, ReadOnlySpan<char> folded, int token, Field field)
    {
        var prefixes = _prefixes!;
        if (!prefixes.MayStart(folded)) return;
        if (ctx.PrefixSlots.Length < prefixes.MaxMatches) ctx.PrefixSlots = new int[prefixes.MaxMatches];
        var found = prefixes.Matches(folded, ctx.PrefixSlots);
        for (var i = 0; i < found; i++) Hit(ctx, ctx.PrefixSlots[i], token, field);
    }

    private void Hit(MatchContext ctx, int slot, int token, Field field)
    {
        if (!ctx.AddOccurrence(slot, token, field)) return;
        var posting = _postings[slot];
        if (posting >= 0)
        {
            ctx.AddCandidate(posting);
            return;
        }
        if (posting == -1) return;
        var start = -2 - posting;
        var end = start + 1 + _postingLists[start];
        for (var i = start + 1; i < end; i++) ctx.AddCandidate(_postingLists[i]);
    }
}
