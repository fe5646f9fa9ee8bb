namespace Aggregator.Core.Query.Matching;

/// <summary>
/// An item's tokens in reading order, one row per word: field, segment (a field, or one value of a
/// multi-valued field: phrases and NEAR never cross segments), offsets, and the exact and stem term
/// slots the word hit (-1 for none). A token's index is its word position.
/// </summary>
internal sealed class TokenTable
{
    public int Count { get; private set; }

    public int[] Start { get; private set; } = new int[256];

    public int[] Length { get; private set; } = new int[256];

    public int[] Exact { get; private set; } = new int[256];

    public int[] Stem { get; private set; } = new int[256];

    public int[] Segment { get; private set; } = new int[256];

    public byte[] Field { get; private set; } = new byte[256];

    public void Clear() => Count = 0;

    public int Add(int field, int segment, int start, int length)
    {
        if (Count == Start.Length) Grow();
        var i = Count++;
        Field[i] = (byte)field;
        Segment[i] = segment;
        Start[i] = start;
        Length[i] = length;
        Exact[i] = -1;
        Stem[i] = -1;
        return i;
    }

    private void Grow()
    {
        var size = Start.Length * 2;
        Start = Resized(Start, size);
        Length = Resized(Length, size);
        Exact = Resized(Exact, size);
        Stem = Resized(Stem, size);
        Segment = Resized(Segment, size);
        var field = Field;
        Array.Resize(ref field, size);
        Field = field;
    }

    private static int[] Resized(int[] array, int size)
    {
        Array.Resize(ref array, size);
        return array;
    }
}
