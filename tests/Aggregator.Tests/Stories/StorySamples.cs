using System.Text.Json;
using Aggregator.Core.Stories;

namespace Aggregator.Tests.Stories;

/// <summary>
/// The same-story test data in Samples/: items republished or rewritten from a named news-feeds item, one JSON
/// record a line, and the hand-made labels of the news-feeds pairs that are one story.
/// </summary>
internal static class StorySamples
{
    public static IReadOnlyList<StorySample> Read(string file)
    {
        var samples = new List<StorySample>();
        foreach (var line in File.ReadLines(PathOf(file)))
        {
            if (line.Length == 0) continue;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            samples.Add(new StorySample(
                root.GetProperty("source").GetString()!,
                root.GetProperty("language").GetString()!,
                root.GetProperty("title").GetString()!,
                root.GetProperty("summary").GetString()!,
                root.GetProperty("link").GetString()!));
        }
        return samples;
    }

    /// <summary>The labelled pairs (each name pair ordered), read from same-story-pairs.txt; '#' starts a comment.</summary>
    public static IReadOnlySet<(string, string)> SameStoryPairs()
    {
        var pairs = new HashSet<(string, string)>();
        foreach (var raw in File.ReadLines(PathOf("same-story-pairs.txt")))
        {
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash < 0 ? raw : raw[..hash]).Trim();
            if (line.Length == 0) continue;
            var names = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (names.Length != 2) throw new InvalidDataException($"same-story-pairs.txt: '{raw}' is not two item names");
            pairs.Add(Ordered(names[0], names[1]));
        }
        return pairs;
    }

    public static (string, string) Ordered(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Stories", "Samples", file);
}

internal sealed record StorySample(string Source, string Language, string Title, string Summary, string Link)
{
    public StoryPrint Print() => StoryPrint.Of(Title, Link, Summary);
}
