using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Aggregator.Core.Text;

/// <summary>
/// Walks a text word by word without allocating: each word is a run of letters and digits (combining
/// marks stay inside it), and each Han, Hiragana or Katakana character is a word of its own.
/// <see cref="Folded"/> is the word case- and diacritic-folded; <see cref="Start"/> and
/// <see cref="Length"/> point into the original text. One reader is reused; it is not thread-safe.
/// </summary>
internal sealed class WordReader
{
    /// <summary>Characters examined at once where the machine has 256-bit vectors.</summary>
    private const int Block = 16;

    private readonly bool _vectors;
    private char[] _buffer = new char[64];
    private string _text = string.Empty;
    private int _position;
    private int _foldedOffset;
    private int _foldedLength;

    /// <param name="vectors">False to read character by character everywhere (the reference the vector path is tested against).</param>
    public WordReader(bool vectors = true) => _vectors = vectors && Vector256.IsHardwareAccelerated;

    public int Start { get; private set; }

    public int Length { get; private set; }

    public ReadOnlySpan<char> Folded => _buffer.AsSpan(_foldedOffset, _foldedLength);

    public void Reset(string? text)
    {
        _text = text ?? string.Empty;
        _position = 0;
    }

    public bool Next()
    {
        var text = _text;
        var i = _position;
        if (_vectors)
        {
            // Sixteen characters at a time: skip separators, find the next word's start and end without a
            // branch per character. Anything not ASCII goes to the character-by-character path below.
            ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
            while (i + Block <= text.Length)
            {
                var block = Vector256.LoadUnsafe(ref chars, (nuint)i);
                var words = WordMask(block);
                var other = Vector256.GreaterThan(block, Vector256.Create((ushort)127)).ExtractMostSignificantBits();
                var interesting = words | other;
                if (interesting == 0)
                {
                    i += Block;
                    continue;
                }
                var first = BitOperations.TrailingZeroCount(interesting);
                if ((words & (1u << first)) == 0)
                {
                    i += first;
                    break;
                }
                var length = BitOperations.TrailingZeroCount(~(words >> first));
                var end = first + length;
                if (end < Block && (other & (1u << end)) == 0)
                {
                    // The whole word is in this block and ends at an ASCII character: fold the block once, point into it.
                    StoreFolded(block);
                    _foldedOffset = first;
                    _foldedLength = length;
                    Start = i + first;
                    Length = length;
                    _position = i + end;
                    return true;
                }
                i += first;
                return i + Block <= text.Length ? ReadBlockWord(ref chars, i) : ReadWord(i);
            }
        }
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 128)
            {
                if (IsAsciiWordChar(c)) return ReadWord(i);
                i++;
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var rune = new Rune(c, text[i + 1]);
                if (CharFolding.IsIdeograph(rune.Value)) return ReadIdeograph(i, 2);
                if (Rune.IsLetterOrDigit(rune)) return ReadWord(i);
                i += 2;
                continue;
            }
            switch (CharFolding.KindOf(c))
            {
                case CharKind.Word: return ReadWord(i);
                case CharKind.Ideograph: return ReadIdeograph(i, 1);
                default: i++; break;
            }
        }
        _position = text.Length;
        return false;
    }

    private bool ReadIdeograph(int start, int width)
    {
        _foldedOffset = 0;
        _foldedLength = 0;
        if (width == 1) Append(CharFolding.FoldOf(_text[start]));
        else Append(CharFolding.FoldSlow(_text.Substring(start, 2)));
        var end = start + width;
        // コーヒー is the words コー and ヒー: the prolonged sound mark belongs to the character before it; marks are dropped.
        while (end < _text.Length && (CharFolding.IsProlongedSoundMark(_text[end]) || CharFolding.KindOf(_text[end]) == CharKind.Mark))
        {
            if (CharFolding.IsProlongedSoundMark(_text[end])) AppendChar('\u30FC');
            end++;
        }
        Start = start;
        Length = end - start;
        _position = end;
        return true;
    }

    private bool ReadWord(int start)
    {
        var text = _text;
        var buffer = _buffer;
        var i = start;
        var n = 0;
        // Most words are ASCII: fold them with one OR (it lower-cases letters and leaves digits alone).
        while (i < text.Length)
        {
            var c = text[i];
            if (c >= 128 || !IsAsciiWordChar(c)) break;
            if (n == buffer.Length) buffer = Grow(n + 1);
            buffer[n++] = (char)(c | 0x20);
            i++;
        }
        _foldedOffset = 0;
        _foldedLength = n;
        if (i < text.Length && text[i] >= 128) i = ReadWordSlow(i);
        Start = start;
        Length = i - start;
        _position = i;
        return true;
    }

    /// <summary>Reads the word starting at ASCII letter or digit <paramref name="start"/>, with sixteen characters readable from there.</summary>
    private bool ReadBlockWord(ref ushort chars, int start)
    {
        var block = Vector256.LoadUnsafe(ref chars, (nuint)start);
        var length = BitOperations.TrailingZeroCount(~WordMask(block));
        StoreFolded(block);
        _foldedOffset = 0;
        _foldedLength = length;
        var end = start + length;
        // The word goes on past the block, or may go on with a letter or mark that is not ASCII.
        if (length == Block || (end < _text.Length && _text[end] >= 128)) end = ReadWordSlow(end);
        Start = start;
        Length = end - start;
        _position = end;
        return true;
    }

    /// <summary>Folding ASCII letters and digits is one OR; the whole block is stored and only its word is used.</summary>
    private void StoreFolded(Vector256<ushort> block) =>
        (block | Vector256.Create((ushort)0x20)).StoreUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetArrayDataReference(_buffer)));

    /// <summary>One bit per character of <paramref name="block"/>: set for the ASCII letters and digits.</summary>
    private static uint WordMask(Vector256<ushort> block)
    {
        var letters = Vector256.LessThanOrEqual((block | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)25));
        var digits = Vector256.LessThanOrEqual(block - Vector256.Create((ushort)'0'), Vector256.Create((ushort)9));
        return (letters | digits).ExtractMostSignificantBits();
    }

    /// <summary>Continues the word at <paramref name="i"/> character by character (letters that are not ASCII, marks, or past a block); returns where it ends.</summary>
    private int ReadWordSlow(int i)
    {
        var text = _text;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 128)
            {
                if (!IsAsciiWordChar(c)) break;
                AppendChar((char)(c | 0x20));
                i++;
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var rune = new Rune(c, text[i + 1]);
                if (CharFolding.IsIdeograph(rune.Value) || !Rune.IsLetterOrDigit(rune)) break;
                Append(CharFolding.FoldSlow(text.Substring(i, 2)));
                i += 2;
                continue;
            }
            var kind = CharFolding.KindOf(c);
            if (kind == CharKind.Word) Append(CharFolding.FoldOf(c));
            else if (kind != CharKind.Mark) break;
            i++;
        }
        return i;
    }

    private static bool IsAsciiWordChar(char c) => AsciiWordChars[c] != 0;

    /// <summary>1 for the ASCII letters and digits, indexed by character (callers check c &lt; 128).</summary>
    private static ReadOnlySpan<byte> AsciiWordChars =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ];

    private char[] Grow(int needed)
    {
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, needed));
        return _buffer;
    }

    private void AppendChar(char c)
    {
        if (_foldedLength == _buffer.Length) Grow(_foldedLength + 1);
        _buffer[_foldedLength++] = c;
    }

    private void Append(string s)
    {
        if (_foldedLength + s.Length > _buffer.Length) Grow(_foldedLength + s.Length);
        s.CopyTo(_buffer.AsSpan(_foldedLength));
        _foldedLength += s.Length;
    }
}
