namespace Aggregator.Core.Query.Matching;

/// <summary>A reusable list of token spans (first..last token, and the query term found there) for NEAR.</summary>
internal sealed class SpanList
{
    private int[] _first = new int[16];
    private int[] _last = new int[16];
    private string[] _term = new string[16];

    public int Count { get; private set; }

    public int First(int i) => _first[i];

    public int Last(int i) => _last[i];

    public string Term(int i) => _term[i];

    public void Clear() => Count = 0;

    public void Add(int first, int last, string term)
    {
        if (Count == _first.Length)
        {
            Array.Resize(ref _first, Count * 2);
            Array.Resize(ref _last, Count * 2);
            Array.Resize(ref _term, Count * 2);
        }
        _first[Count] = first;
        _last[Count] = last;
        _term[Count] = term;
        Count++;
    }
}
