using System.Buffers;

namespace Aggregator.Core.Text;

/// <summary>
/// Writes text into a caller's buffer with every run of white space as one space and none at either end.
/// The output is never longer than what was appended.
/// </summary>
internal ref struct CollapsingWriter(Span<char> buffer)
{
    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> accepts.</summary>
    public static readonly SearchValues<char> WhiteSpace = SearchValues.Create(
        Enumerable.Range(char.MinValue, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray());

    /// <summary>White space that is never kept as it is: everything but ' '.</summary>
    private static readonly SearchValues<char> OtherWhiteSpace = SearchValues.Create(
        Enumerable.Range(char.MinValue, char.MaxValue + 1).Select(c => (char)c).Where(c => c != ' ' && char.IsWhiteSpace(c)).ToArray());

    private readonly Span<char> _buffer = buffer;
    private int _length;
    private bool _pendingSpace;

    /// <summary>A word boundary without a character of its own (a block tag): a space if more text follows.</summary>
    public void Separate() => _pendingSpace = _length > 0;

    public void Append(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var white = text.IndexOfAnyExcept(WhiteSpace);
            if (white != 0)
            {
                Separate();
                if (white < 0) return;
                text = text[white..];
            }
            // Words separated by single spaces (most text) are copied as one run.
            var run = RunLength(text);
            if (_pendingSpace) _buffer[_length++] = ' ';
            _pendingSpace = false;
            text[..run].CopyTo(_buffer[_length..]);
            _length += run;
            text = text[run..];
        }
    }

    /// <summary>Length of the leading run that needs no change: up to white space other than one ' ' between two words.</summary>
    private static int RunLength(ReadOnlySpan<char> text)
    {
        var other = text.IndexOfAny(OtherWhiteSpace);
        var limit = other < 0 ? text.Length : other;
        var doubled = text[..limit].IndexOf("  ", StringComparison.Ordinal);
        if (doubled >= 0) limit = doubled;
        // A single space that ends the run is left for the next round, which turns it into a pending space.
        return limit > 0 && text[limit - 1] == ' ' ? limit - 1 : limit;
    }

    public override readonly string ToString() => new(_buffer[.._length]);
}
