using System.Globalization;
using System.Text;

namespace Aggregator.Storage;

/// <summary>
/// The diff of a config change as the store keeps it: at most <see cref="MaxBytes"/> of UTF-8, cut after the last
/// whole line that fits and followed by a marker line saying how much was kept. A rewrite of a large file would
/// otherwise put megabytes into every page of the console's list.
/// </summary>
internal static class ConfigChangeDiff
{
    public const int MaxBytes = 256 * 1024;

    /// <summary>How the marker line that follows a truncated diff begins.</summary>
    public const string TruncatedMarker = "[diff truncated:";

    public static string Bounded(string diff)
    {
        var total = Encoding.UTF8.GetByteCount(diff);
        if (total <= MaxBytes) return diff;
        var keep = CharsWithin(diff, MaxBytes);
        var lineEnd = diff.LastIndexOf('\n', keep - 1, keep);
        if (lineEnd >= 0) keep = lineEnd + 1;
        var kept = Encoding.UTF8.GetByteCount(diff.AsSpan(0, keep));
        var separator = keep > 0 && diff[keep - 1] == '\n' ? "" : "\n";
        return string.Concat(diff.AsSpan(0, keep), separator,
            string.Create(CultureInfo.InvariantCulture, $"{TruncatedMarker} {kept} of {total} bytes kept]\n"));
    }

    /// <summary>How many chars of <paramref name="text"/> fit in <paramref name="maxBytes"/> of UTF-8, never splitting a pair.</summary>
    private static int CharsWithin(string text, int maxBytes)
    {
        int bytes = 0, chars = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > maxBytes) break;
            bytes += rune.Utf8SequenceLength;
            chars += rune.Utf16SequenceLength;
        }
        return chars;
    }
}
