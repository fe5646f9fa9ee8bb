using System.Buffers;
using System.Reflection;

namespace Aggregator.Core.Rendering;

/// <summary>
/// Recognises the HTML that <see cref="AlertMessage"/> writes and nothing else: its fixed head, its own tags, a
/// style only when it is one of <see cref="EmailStyle"/>'s, <c>href</c> only on anchors and only http(s), and text
/// whose markup characters are encoded. The mail adapter sends such HTML as it is and passes anything else
/// through the full sanitiser: the defence stays in depth, and a mail costs a scan rather than a parse of the
/// document and of every inline style.
/// </summary>
internal static class RenderedHtml
{
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Tags = new HashSet<string>(StringComparer.Ordinal)
    {
        "html", "head", "title", "body", "div", "h1", "h2", "p", "a", "span", "mark", "code", "br", "hr",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<char> NameCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789");
    private static readonly SearchValues<char> NotInLinks = SearchValues.Create(" \t\r\n\\'`");
    private static readonly string[] Entities = ["amp;", "lt;", "gt;", "quot;", "#39;"];

    /// <summary>Every constant of <see cref="EmailStyle"/>: a new style is recognised without a second list to keep.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Styles = typeof(EmailStyle)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.Name != nameof(EmailStyle.Head))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsOwn(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!html.StartsWith(EmailStyle.Head, StringComparison.Ordinal)) return false;
        var s = html.AsSpan(EmailStyle.Head.Length);
        while (!s.IsEmpty)
        {
            var next = s.IndexOfAny('<', '>', '&');
            if (next < 0) return true;
            var c = s[next];
            s = s[(next + 1)..];
            if (c == '>') return false;
            if (c == '&')
            {
                if (!StartsWithEntity(s)) return false;
                continue;
            }
            if (!Tag(ref s)) return false;
        }
        return true;
    }

    private static bool StartsWithEntity(ReadOnlySpan<char> s)
    {
        foreach (var entity in Entities)
            if (s.StartsWith(entity, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Reads one tag after its '&lt;' up to and including its '&gt;'.</summary>
    private static bool Tag(ref ReadOnlySpan<char> s)
    {
        var closing = s.StartsWith("/");
        if (closing) s = s[1..];
        var nameLength = s.IndexOfAnyExcept(NameCharacters);
        if (nameLength <= 0 || !Tags.Contains(s[..nameLength])) return false;
        var name = s[..nameLength];
        s = s[nameLength..];
        while (true)
        {
            if (s.StartsWith(">"))
            {
                s = s[1..];
                return true;
            }
            if (closing || !s.StartsWith(" ")) return false;
            s = s[1..];
            var equals = s.IndexOf("=\"", StringComparison.Ordinal);
            if (equals <= 0) return false;
            var attribute = s[..equals];
            s = s[(equals + 2)..];
            var end = s.IndexOfAny('"', '<', '>');
            if (end < 0 || s[end] != '"') return false;
            var value = s[..end];
            s = s[(end + 1)..];
            if (!Attribute(name, attribute, value)) return false;
        }
    }

    private static bool Attribute(ReadOnlySpan<char> tag, ReadOnlySpan<char> attribute, ReadOnlySpan<char> value) => attribute switch
    {
        "style" => Styles.Contains(value),
        "href" => tag is "a" && IsWebLink(value),
        _ => false,
    };

    /// <summary>An encoded absolute http(s) link as <see cref="SafeLink"/> gives it: no spaces, quotes or angle brackets.</summary>
    private static bool IsWebLink(ReadOnlySpan<char> value) =>
        (value.StartsWith("https://", StringComparison.Ordinal) || value.StartsWith("http://", StringComparison.Ordinal))
        && value.IndexOfAny(NotInLinks) < 0
        && value.IndexOfAnyInRange('\0', '\u001f') < 0;
}
