using System.Text.Json;

namespace Aggregator.Tests.Parsing;

/// <summary>One line of the peer corpora's manifest.jsonl: a file and what peers expect from it.</summary>
internal sealed record ConformanceCase(string Id, string Source, string Path, string Kind, JsonElement Expected, string? Charset)
{
    /// <summary>A: CodeHollow's own expectations; B: peers with comparable models; C: reported only.</summary>
    public string? Tier => (Source, Kind) switch
    {
        ("codehollow-feedreader", _) => "A",
        ("fang" or "feed-rs" or "rss-parser" or "rome", "expected") => "B",
        ("feedparser", "expected") when Path.Contains("/wellformed/", StringComparison.Ordinal)
            || Path.Contains("/encoding/", StringComparison.Ordinal) => "C",
        ("gofeed", "expected") => "C",
        _ => null,
    };

    public static IReadOnlyList<ConformanceCase> ReadManifest(string file) =>
        File.ReadLines(file).Where(l => l.Length > 0).Select(FromLine).ToList();

    private static ConformanceCase FromLine(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        return new ConformanceCase(
            root.GetProperty("id").GetString()!,
            root.GetProperty("source").GetString()!,
            root.GetProperty("path").GetString()!,
            root.GetProperty("kind").GetString()!,
            root.GetProperty("expected").Clone(),
            HttpCharset(root));
    }

    /// <summary>Upstream feeds some files with simulated HTTP headers; the charset is the part we take.</summary>
    private static string? HttpCharset(JsonElement root)
    {
        if (!root.TryGetProperty("raw", out var raw) || raw.ValueKind != JsonValueKind.Object
            || !raw.TryGetProperty("http_headers", out var headers)) return null;
        foreach (var header in headers.EnumerateObject())
        {
            if (!header.Name.Equals("content-type", StringComparison.OrdinalIgnoreCase)) continue;
            var at = header.Value.GetString()!.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
            if (at >= 0) return header.Value.GetString()![(at + "charset=".Length)..].Trim().Trim('"', '\'');
        }
        return null;
    }
}
