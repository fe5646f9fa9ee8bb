using Aggregator.Core.Query.Syntax;

namespace Aggregator.Core.Query.Matching;

/// <summary>
/// An item's tokens in reading order, one <see cref="Token"/> per word. A token's index is its word position.
/// </summary>
internal sealed class TokenTable
{
    private Token[] _tokens = new Token[256];

    public int Count { get; private set; }

    public ref Token this[int index] => ref _tokens[index];

    public void Clear() => Count = 0;

    public int Add(Field field, int segment, int start, int length)
    {
        if (Count == _tokens.Length) Array.Resize(ref _tokens, Count * 2);
        var i = Count++;
        _tokens[i] = new Token(start, length, segment, field);
        return i;
    }
}

/// <summary>
/// One word of an item: where it is (offsets into its field's text), its field and segment (a field, or one
/// value of a multi-valued field: phrases and NEAR never cross segments), and the word slot it hit (-1 for
/// none). One struct, so recording a word writes one place.
/// </summary>
internal struct Token(int start, int length, int segment, Field field)
{
    public int Start = start;
    public int Length = length;
    public int Slot = -1;
    public int Segment = segment;
    public Field Field = field;
}
