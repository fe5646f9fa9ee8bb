using MimeKit;
using MimeKit.IO;

namespace Aggregator.Delivery.Email;

/// <summary>
/// The size of a message as an SMTP server counts it (CRLF line ends), once encoded for a 7-bit transport.
/// The encoding is kept for sending, so the measured size is the size on the wire.
/// </summary>
internal static class MessageSize
{
    private static readonly FormatOptions Format = CrLf();

    public static long Of(MimeMessage message)
    {
        message.Prepare(EncodingConstraint.SevenBit);
        using var measure = new MeasuringStream();
        message.WriteTo(Format, measure);
        return measure.Length;
    }

    private static FormatOptions CrLf()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
