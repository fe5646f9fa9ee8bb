using System.Buffers.Binary;
using System.Text;

namespace Aggregator.Core.Stories;

/// <summary>
/// The stored form of a <see cref="StoryPrint"/>. Version 1, little-endian:
/// version (1), flags (1: link, 2: title key, 4: signature, 8: Han/Kana text), [title key (8)], title shingle count (1) and
/// shingles (2 each, ascending), shingle count (2), [signature (<see cref="StoryParameters.Hashes"/>)],
/// [link length (2) and link (UTF-8)]. Reading is strict: a print that is not exactly what
/// <see cref="Write"/> produces is refused, so a corrupt row never silently matches or fails to.
/// </summary>
internal static class StoryPrintFormat
{
    public const byte Version = 1;

    private const byte HasLink = 1;
    private const byte HasTitleKey = 2;
    private const byte HasSignature = 4;
    private const byte CjkText = 8;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] Write(StoryPrint print)
    {
        var link = print.CanonicalLink is null ? null : StrictUtf8.GetBytes(print.CanonicalLink);
        if (link is { Length: > ushort.MaxValue }) link = null;
        var size = 2 + (print.TitleKey == 0 ? 0 : 8) + 1 + (2 * print.TitleShingles.Length) + 2 + print.Signature.Length
            + (link is null ? 0 : 2 + link.Length);
        var bytes = new byte[size];
        var span = bytes.AsSpan();
        span[0] = Version;
        span[1] = (byte)((link is null ? 0 : HasLink) | (print.TitleKey == 0 ? 0 : HasTitleKey) | (print.Signature.Length == 0 ? 0 : HasSignature) | (print.CjkText ? CjkText : 0));
        var at = 2;
        if (print.TitleKey != 0)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(span[at..], print.TitleKey);
            at += 8;
        }
        span[at++] = (byte)print.TitleShingles.Length;
        foreach (var s in print.TitleShingles)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span[at..], s);
            at += 2;
        }
        BinaryPrimitives.WriteUInt16LittleEndian(span[at..], (ushort)print.ShingleCount);
        at += 2;
        print.Signature.CopyTo(span[at..]);
        at += print.Signature.Length;
        if (link is not null)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span[at..], (ushort)link.Length);
            link.CopyTo(span[(at + 2)..]);
        }
        return bytes;
    }

    public static StoryPrint Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 5) throw Bad("too short");
        if (bytes[0] != Version) throw Bad($"version {bytes[0]} is not {Version}");
        var flags = bytes[1];
        if ((flags & ~(HasLink | HasTitleKey | HasSignature | CjkText)) != 0) throw Bad("unknown flags");
        var at = 2;
        ulong titleKey = 0;
        if ((flags & HasTitleKey) != 0)
        {
            titleKey = BinaryPrimitives.ReadUInt64LittleEndian(Take(bytes, ref at, 8));
            if (titleKey == 0) throw Bad("empty title key");
        }
        var titleCount = Take(bytes, ref at, 1)[0];
        if (titleCount > StoryParameters.MaxTitleShingles) throw Bad("too many title shingles");
        var titleShingles = new ushort[titleCount];
        var titleBytes = Take(bytes, ref at, 2 * titleCount);
        for (var i = 0; i < titleCount; i++)
        {
            titleShingles[i] = BinaryPrimitives.ReadUInt16LittleEndian(titleBytes[(2 * i)..]);
            if (i > 0 && titleShingles[i] <= titleShingles[i - 1]) throw Bad("title shingles out of order");
        }
        int shingleCount = BinaryPrimitives.ReadUInt16LittleEndian(Take(bytes, ref at, 2));
        byte[] signature = [];
        if ((flags & HasSignature) != 0)
        {
            if (shingleCount < StoryParameters.MinShingles) throw Bad("a signature for too few shingles");
            signature = Take(bytes, ref at, StoryParameters.Hashes).ToArray();
        }
        else if (shingleCount >= StoryParameters.MinShingles) throw Bad("no signature for enough shingles");
        string? link = null;
        if ((flags & HasLink) != 0)
        {
            var length = BinaryPrimitives.ReadUInt16LittleEndian(Take(bytes, ref at, 2));
            if (length == 0) throw Bad("empty link");
            try
            {
                link = StrictUtf8.GetString(Take(bytes, ref at, length));
            }
            catch (DecoderFallbackException e)
            {
                throw new FormatException("story print: link is not UTF-8", e);
            }
        }
        if (at != bytes.Length) throw Bad("trailing bytes");
        return new StoryPrint(link, titleKey, titleShingles, shingleCount, signature, (flags & CjkText) != 0);
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> bytes, ref int at, int count)
    {
        if (bytes.Length - at < count) throw Bad("truncated");
        var slice = bytes.Slice(at, count);
        at += count;
        return slice;
    }

    private static FormatException Bad(string why) => new($"story print: {why}");
}
