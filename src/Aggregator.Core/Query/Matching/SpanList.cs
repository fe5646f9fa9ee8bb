namespace Aggregator.Core.Query.Matching;

/// <summary>A reusable list of token spans (first..last token, and the query term found there) for NEAR.</summary>
internal sealed class SpanList
{
    private Entry[] _spans = new Entry[16];

    public int Count { get; private set; }

    public int First(int i) => _spans[i].First;

    public int Last(int i) => _spans[i].Last;

    public string Term(int i) => _spans[i].Term;

    public void Clear() => Count = 0;

    public void Add(int first, int last, string term)
    {
        if (Count == _spans.Length) Array.Resize(ref _spans, Count * 2);
        _spans[Count++] = new Entry(first, last, term);
    }

    public void SortByFirst() => _spans.AsSpan(0, Count).Sort(static (a, b) => a.First.CompareTo(b.First));

    /// <summary>After <see cref="SortByFirst"/>: the first span starting after token <paramref name="token"/>, or -1.</summary>
    public int FirstStartingAfter(int token)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_spans[mid].First > token) high = mid;
            else low = mid + 1;
        }
        return low < Count ? low : -1;
    }

    private readonly record struct Entry(int First, int Last, string Term);
}
