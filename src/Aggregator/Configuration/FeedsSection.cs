using Quartz;
using YamlDotNet.RepresentationModel;

namespace Aggregator.Configuration;

/// <summary>Reads the <c>feeds</c> sections; intervals are settled in <see cref="Finish"/> once settings are known.</summary>
internal sealed class FeedsSection(string configDirectory, DateTimeOffset now)
{
    internal static readonly string[] Keys = ["id", "url", "every", "cron", "tags", "firstPoll"];
    private static readonly YamlScalarNode UrlKey = new("url");
    private static readonly YamlScalarNode EveryKey = new("every");
    private readonly List<PendingFeed> _feeds = [];

    public IdRegistry Ids { get; } = new("feed");

    public IEnumerable<string> Tags => _feeds.SelectMany(f => f.Definition.Tags).Distinct(StringComparer.Ordinal);

    public void Read(YamlNode node, ConfigNodeReader r)
    {
        if (r.Sequence(node, "feeds") is not { } sequence) return;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (r.Mapping(sequence.Children[i], $"feeds[{i}]") is { } entry) ReadFeed(entry, $"feeds[{i}]", r);
        }
    }

    private void ReadFeed(YamlMappingNode entry, string index, ConfigNodeReader r)
    {
        var id = Ids.Read(entry, index, r);
        var where = id is null ? index : $"feed {Excerpt.Quote(id)}";
        string? url = null;
        Uri? location = null;
        Located<TimeSpan>? every = null;
        string? cron = null;
        SourceLocation? cronAt = null;
        IReadOnlyList<string> tags = [];
        var firstPoll = FirstPoll.Baseline;
        foreach (var (key, keyNode, value) in r.Entries(entry, where, Keys))
        {
            switch (key)
            {
                case "url":
                    url = r.Text(value, Subject.Of("the url of ", where));
                    location = url is null ? null : Resolve(url, value, where, r);
                    break;
                case "every":
                    every = r.Duration(value, Subject.Of("the interval of ", where), Ranges.Interval) is { } e ? new(e, r.At(value)) : null;
                    break;
                case "cron":
                    cron = r.Text(value, Subject.Of("the cron of ", where)) is { } c && ValidCron(c, now, value, where, r) ? c : null;
                    cronAt = r.At(value);
                    if (entry.Children.ContainsKey(EveryKey))
                        r.Error(keyNode, $"{where} sets both 'every' and 'cron'; keep one");
                    break;
                case "tags":
                    tags = ReadTags(value, where, r);
                    break;
                case "firstPoll":
                    firstPoll = r.Choice<FirstPoll>(value, Subject.Of("the firstPoll of ", where)) ?? firstPoll;
                    break;
            }
        }
        if (!entry.Children.ContainsKey(UrlKey)) r.Error(entry, $"{where} has no url");
        if (id is null || url is null || location is null) return;
        var definition = new FeedDefinition { Id = id, Url = url, Location = location, Cron = cron, Tags = tags, FirstPoll = firstPoll };
        _feeds.Add(new(definition, cron is null ? every : null, cron is null ? null : cronAt));
    }

    /// <summary>Every feed with its interval: its own raised to <c>minEvery</c>, or <c>defaultEvery</c>, unless it has a cron.</summary>
    public IReadOnlyList<FeedDefinition> Finish(PollingOptions polling, DiagnosticBag diagnostics) =>
    [
        .. _feeds.Select(feed =>
        {
            if (feed.Definition.Cron is { } cron)
            {
                if (ShortestGap(cron, now) is { } gap && gap < polling.MinEvery && feed.CronAt is { } at)
                    diagnostics.Error(at, $"the cron of feed '{feed.Definition.Id}' fires every {Core.Durations.Format(gap)} at times, more often than settings.polling.minEvery ({Core.Durations.Format(polling.MinEvery)})");
                return feed.Definition;
            }
            if (feed.Every is not { } every) return feed.Definition with { Every = polling.DefaultEvery };
            if (every.Value >= polling.MinEvery) return feed.Definition with { Every = every.Value };
            diagnostics.Warning(every.At, $"feed '{feed.Definition.Id}' asks for every {Core.Durations.Format(every.Value)}, below settings.polling.minEvery ({Core.Durations.Format(polling.MinEvery)}); it is polled every {Core.Durations.Format(polling.MinEvery)}");
            return feed.Definition with { Every = polling.MinEvery };
        }),
    ];

    private Uri? Resolve(string url, YamlNode node, string where, ConfigNodeReader r)
    {
        if (url.Length == 0)
        {
            r.Error(node, $"the url of {where} is empty");
            return null;
        }
        var scheme = Urls.SchemeOf(url);
        if (scheme is not null)
        {
            if (scheme is "http" or "https")
            {
                if (Urls.IsHttp(url, out var uri)) return uri;
                r.Error(node, $"invalid URL {Excerpt.Quote(url)} for {where}");
                return null;
            }
            r.Error(node, $"unsupported scheme {Excerpt.Quote(scheme)} in the url of {where}: expected http, https or a file path");
            return null;
        }
        if (url.Contains('\0', StringComparison.Ordinal))
        {
            r.Error(node, $"feed file {Excerpt.Quote(url)} of {where} holds a NUL character, which no path can");
            return null;
        }
        var path = Path.GetFullPath(url, configDirectory);
        if (File.Exists(path)) return new Uri(path);
        r.Error(node, $"feed file {Excerpt.Quote(url)} of {where} does not exist (looked for {path})");
        return null;
    }

    /// <summary>How many coming firings <see cref="ShortestGap"/> looks at: a year of a daily cron, a few days of an hourly one.</summary>
    private const int FiringsChecked = 400;

    private static bool ValidCron(string cron, DateTimeOffset now, YamlNode node, string where, ConfigNodeReader r)
    {
        try
        {
            // The constructor's message says what is wrong; IsValidExpression only says that something is.
            var expression = new CronExpression(cron, TimeZoneInfo.Utc);
            if (expression.GetNextValidTimeAfter(now) is not null) return true;
            r.Error(node, $"the cron expression {Excerpt.Quote(cron)} for {where} never fires again");
            return false;
        }
        catch (FormatException e)
        {
            // Quartz's first sentence says what is wrong; the rest addresses programmers.
            var sentence = e.Message.Split(". ", 2)[0].TrimEnd('.');
            r.Error(node, $"invalid cron expression {Excerpt.Quote(cron)} for {where}: {sentence}");
            return false;
        }
    }

    /// <summary>The shortest time between two of the cron's coming firings (null when it fires once at most).</summary>
    private static TimeSpan? ShortestGap(string cron, DateTimeOffset now)
    {
        var expression = new CronExpression(cron, TimeZoneInfo.Utc);
        TimeSpan? shortest = null;
        var previous = expression.GetNextValidTimeAfter(now);
        for (var i = 0; i < FiringsChecked && previous is { } at; i++)
        {
            var next = expression.GetNextValidTimeAfter(at);
            if (next is null) break;
            var gap = next.Value - at;
            if (shortest is null || gap < shortest) shortest = gap;
            previous = next;
        }
        return shortest;
    }

    private static List<string> ReadTags(YamlNode node, string where, ConfigNodeReader r)
    {
        var tags = new List<string>();
        foreach (var tag in r.List(node, Subject.Of("the tags of ", where)) ?? [])
        {
            if (IdRegistry.IsValid(tag.Value)) tags.Add(tag.Value);
            else r.Diagnostics.Error(tag.At, $"invalid tag {Excerpt.Quote(tag.Value)} in {where}: use lowercase letters, digits, '-' and '_'");
        }
        return tags;
    }
}
