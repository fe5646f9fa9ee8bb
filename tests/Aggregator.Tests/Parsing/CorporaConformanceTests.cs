using System.Globalization;
using System.Net;
using System.Text.Json;
using Aggregator.Core.Items;
using Aggregator.Parsing;

namespace Aggregator.Tests.Parsing;

/// <summary>
/// Runs every file of the peer corpora (../shared/corpora, see its README) through <see cref="FeedParser"/>:
/// nothing may crash or hang, and tiers A and B must agree with the peers' expectations on at least 98% of
/// checks. Set AGGREGATOR_CONFORMANCE_OUT to a file path to get the full report with every mismatch.
/// </summary>
public sealed class CorporaConformanceTests
{
    private static readonly TimeSpan PerFileDeadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Peer_corpora_parse_without_crash_and_agree_with_expectations()
    {
        var corpora = LocateCorpora();
        if (corpora is null)
        {
            if (Environment.GetEnvironmentVariable("AGGREGATOR_REQUIRE_CORPORA") == "1")
            {
                Assert.Fail("shared/corpora not found next to the repository and AGGREGATOR_REQUIRE_CORPORA=1");
            }
            Assert.Skip("shared/corpora not found next to the repository (set AGGREGATOR_REQUIRE_CORPORA=1 to fail instead)");
        }

        var cases = ConformanceCase.ReadManifest(Path.Combine(corpora, "manifest.jsonl"));
        var tally = new ConformanceTally();
        var crashes = new List<string>();
        var notes = new List<string>();
        foreach (var c in cases)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(corpora, c.Path), TestContext.Current.CancellationToken);
            var run = Task.Run(() => FeedParser.Parse(bytes, c.Charset), TestContext.Current.CancellationToken);
            ParsedFeed? feed = null;
            string? error = null;
            try
            {
                feed = await run.WaitAsync(PerFileDeadline, TestContext.Current.CancellationToken);
                tally.Ran(c.Source, 0);
            }
            catch (FeedFormatException ex)
            {
                error = ex.Message;
                tally.Ran(c.Source, 1);
            }
            catch (TimeoutException)
            {
                crashes.Add($"{c.Id}: no result within {PerFileDeadline.TotalSeconds} s");
                tally.Ran(c.Source, 3);
                continue;
            }
            catch (Exception ex)
            {
                // Any other exception is the finding this test exists to report.
                crashes.Add($"{c.Id}: {ex.GetType().Name}: {ex.Message}");
                tally.Ran(c.Source, 2);
                continue;
            }
            if (c.Kind == "smoke" && error is not null) notes.Add($"smoke refused: {c.Id}: {error}");
            if (c.Kind == "error") notes.Add($"error case {(error is null ? "PARSED" : "refused")}: {c.Id}: {error}");
            if (c.Tier is not null) Compare(c, feed, error, tally);
        }

        var report = tally.ToMarkdown();
        var output = TestContext.Current.TestOutputHelper!;
        output.WriteLine(report);
        foreach (var m in tally.Mismatches.Where(m => !m.StartsWith("[C]", StringComparison.Ordinal)).Take(150)) output.WriteLine(m);
        foreach (var n in notes) output.WriteLine(n);
        var outFile = Environment.GetEnvironmentVariable("AGGREGATOR_CONFORMANCE_OUT");
        if (!string.IsNullOrEmpty(outFile))
        {
            await File.WriteAllLinesAsync(outFile, [report, .. crashes, .. notes, .. tally.Mismatches], TestContext.Current.CancellationToken);
        }

        crashes.ShouldBeEmpty();
        tally.Agreement("A").ShouldBeGreaterThanOrEqualTo(0.98, "tier A agreement");
        tally.Agreement("B").ShouldBeGreaterThanOrEqualTo(0.98, "tier B agreement");
    }

    private static void Compare(ConformanceCase c, ParsedFeed? feed, string? error, ConformanceTally tally)
    {
        var e = c.Expected;
        var exact = c.Tier == "A";
        if (e.TryGetProperty("wellformed", out var wf) && wf.ValueKind == JsonValueKind.True)
        {
            tally.Check(c, "parses", feed is not null, error ?? "");
        }
        if (e.TryGetProperty("feed_title", out var title))
        {
            CheckText(c, "feed_title", title, feed?.Title, exact, error, tally);
        }
        if (e.TryGetProperty("feed_link", out var link))
        {
            CheckLink(c, "feed_link", link, feed?.Link, feed?.Link, exact, error, tally);
        }
        if (e.TryGetProperty("feed_link_nonempty", out var nonEmpty) && nonEmpty.ValueKind == JsonValueKind.True)
        {
            tally.Check(c, "feed_link_nonempty", !string.IsNullOrEmpty(feed?.Link), error ?? "empty");
        }
        if (e.TryGetProperty("item_count", out var count))
        {
            tally.Check(c, "item_count", feed?.Items.Count == count.GetInt32(), $"expected {count.GetInt32()}, got {feed?.Items.Count.ToString(CultureInfo.InvariantCulture) ?? error}");
        }
        if (!e.TryGetProperty("items", out var items)) return;
        foreach (var expected in items.EnumerateArray())
        {
            var index = expected.GetProperty("index").GetInt32();
            var item = feed is null || feed.Items.Count == 0 ? null
                : index < 0 ? feed.Items[^1] : index < feed.Items.Count ? feed.Items[index] : null;
            var why = error ?? (item is null ? $"no item {index}" : null);
            if (expected.TryGetProperty("title", out var t)) CheckText(c, $"items[{index}].title", t, item?.Title, exact, why, tally);
            if (expected.TryGetProperty("link", out var l)) CheckLink(c, $"items[{index}].link", l, item?.Link, feed?.Link, exact, why, tally);
            if (expected.TryGetProperty("published_utc", out var p)) CheckDate(c, $"items[{index}].published", p, item?.Published ?? item?.Updated, why, tally);
            if (expected.TryGetProperty("updated_utc", out var u)) CheckDate(c, $"items[{index}].updated", u, item?.Updated ?? item?.Published, why, tally);
        }
    }

    private static void CheckText(ConformanceCase c, string field, JsonElement expected, string? actual, bool exact, string? error, ConformanceTally tally)
    {
        var want = expected.ValueKind == JsonValueKind.String ? expected.GetString() : null;
        var agrees = error is null && (exact
            ? string.Equals(want ?? "", actual ?? "", StringComparison.Ordinal)
            : string.Equals(Normalise(want), Normalise(actual), StringComparison.Ordinal));
        tally.Check(c, field, agrees, error ?? $"expected «{want}», got «{actual}»");
    }

    /// <summary>
    /// Links agree when they name the same URL: equal as written, equal as canonical URIs (host case, a
    /// bare host's "/", escaping), or, for a relative expectation, equal once resolved against the feed
    /// link as the parser resolves it. Tier A compares exactly.
    /// </summary>
    private static void CheckLink(ConformanceCase c, string field, JsonElement expected, string? actual, string? feedLink, bool exact, string? error, ConformanceTally tally)
    {
        var want = expected.ValueKind == JsonValueKind.String ? expected.GetString()!.Trim() : null;
        var agrees = error is null && (string.Equals(want ?? "", actual ?? "", StringComparison.Ordinal)
            || (!exact && want is not null && actual is not null && SameUrl(want, actual, feedLink)));
        tally.Check(c, field, agrees, error ?? $"expected «{want}», got «{actual}»");
    }

    private static bool SameUrl(string want, string actual, string? feedLink)
    {
        if (!Uri.TryCreate(actual, UriKind.Absolute, out var got)) return false;
        if (Uri.TryCreate(want, UriKind.Absolute, out var w) && w.Scheme != Uri.UriSchemeFile) return Uri.Compare(w, got, UriComponents.AbsoluteUri, UriFormat.Unescaped, StringComparison.Ordinal) == 0;
        return Uri.TryCreate(feedLink, UriKind.Absolute, out var feedBase)
            && Uri.TryCreate(feedBase, want, out var resolved)
            && Uri.Compare(resolved, got, UriComponents.AbsoluteUri, UriFormat.Unescaped, StringComparison.Ordinal) == 0;
    }

    private static void CheckDate(ConformanceCase c, string field, JsonElement expected, DateTimeOffset? actual, string? error, ConformanceTally tally)
    {
        var want = DateTimeOffset.Parse(expected.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var agrees = error is null && actual is { } got && Math.Abs((got - want).TotalSeconds) < 1;
        tally.Check(c, field, agrees, error ?? $"expected {want:O}, got {actual:O}");
    }

    /// <summary>Tier B/C rule from the corpora README: entities decoded, white space trimmed and collapsed.</summary>
    private static string Normalise(string? text) =>
        string.Join(' ', WebUtility.HtmlDecode(text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Well-formed documents are read in one pass from the bytes; everything else from the decoded text. On
    /// every corpus file both must give the same feed (or both refuse it), so the fast path changes nothing.
    /// </summary>
    [Fact]
    public async Task Single_pass_and_text_paths_agree_on_every_corpus_file()
    {
        var corpora = LocateCorpora();
        if (corpora is null) Assert.Skip("shared/corpora not found next to the repository");
        var disagreements = new List<string>();
        var compared = 0;
        foreach (var c in ConformanceCase.ReadManifest(Path.Combine(corpora, "manifest.jsonl")))
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(corpora, c.Path), TestContext.Current.CancellationToken);
            var viaParse = Outcome(() => FeedParser.Parse(bytes, c.Charset));
            var viaText = Outcome(() => FeedParser.ParseText(bytes, c.Charset, null));
            compared++;
            if (viaParse != viaText) disagreements.Add($"{c.Id}:\n  parse: {viaParse[..Math.Min(300, viaParse.Length)]}\n  text:  {viaText[..Math.Min(300, viaText.Length)]}");
        }
        compared.ShouldBeGreaterThan(1_500);
        disagreements.ShouldBeEmpty();
    }

    /// <summary>The feed as JSON, or "refused" (error messages may differ in wording between the paths' wrappers).</summary>
    private static string Outcome(Func<ParsedFeed> parse)
    {
        try
        {
            return JsonSerializer.Serialize(parse());
        }
        catch (Exception)
        {
            // The text path throws CodeHollow's own exceptions unwrapped; any refusal counts as one.
            return "refused";
        }
    }

    private static string? LocateCorpora()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Aggregator.sln"))) continue;
            var corpora = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpora"));
            return File.Exists(Path.Combine(corpora, "manifest.jsonl")) ? corpora : null;
        }
        return null;
    }
}
