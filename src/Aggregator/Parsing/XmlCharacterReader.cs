using System.Text;

namespace Aggregator.Parsing;

/// <summary>
/// Feeds an <see cref="System.Xml.XmlReader"/> straight from the fetched bytes, decoding in small blocks, so
/// a feed is parsed without first becoming one large string. Characters <see cref="XmlCharacters"/> drops
/// never reach the parser, and white space before the first markup (common, and an error before
/// <c>&lt;?xml</c>) is skipped.
/// </summary>
internal sealed class XmlCharacterReader(ReadOnlyMemory<byte> bytes, Encoding encoding) : TextReader
{
    private const int BlockBytes = 8 * 1024;

    private readonly Decoder _decoder = encoding.GetDecoder();
    private readonly char[] _block = new char[encoding.GetMaxCharCount(BlockBytes)];
    private ReadOnlyMemory<byte> _rest = bytes;
    private int _start;
    private int _end;
    private bool _pendingHigh;
    private bool _started;

    public override int Peek() => Fill() ? _block[_start] : -1;

    public override int Read() => Fill() ? _block[_start++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || !Fill()) return 0;
        var count = Math.Min(buffer.Length, _end - _start);
        _block.AsSpan(_start, count).CopyTo(buffer);
        _start += count;
        return count;
    }

    /// <summary>Decodes the next block when the current one is used up; false at the end of the bytes.</summary>
    private bool Fill()
    {
        while (_start == _end)
        {
            if (_rest.IsEmpty) return false;
            var input = _rest.Span[..Math.Min(_rest.Length, BlockBytes)];
            var last = input.Length == _rest.Length;
            _decoder.Convert(input, _block, flush: last, out var bytesUsed, out var charsUsed, out _);
            _rest = _rest[bytesUsed..];
            _start = 0;
            _end = XmlCharacters.Compact(_block.AsSpan(0, charsUsed), more: !_rest.IsEmpty, ref _pendingHigh);
            if (!_started) SkipLeadingWhiteSpace();
        }
        return true;
    }

    private void SkipLeadingWhiteSpace()
    {
        while (_start < _end && char.IsWhiteSpace(_block[_start])) _start++;
        _started = _start < _end;
    }
}
