using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Aggregator.Backtesting;
using Aggregator.Configuration;
using Aggregator.Core.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Commands;

/// <summary><c>explain</c>: why an archived item (by link or key) did or did not alert for a rule.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var rule = new Option<string>("--rule") { Description = "The rule id.", Required = true };
        var item = new Argument<string>("item") { Description = "The item's link or key." };
        var feed = new Option<string?>("--feed") { Description = "Only the item of this feed (a link may be in several)." };
        var json = new Option<bool>("--json") { Description = "Print the explanation as one JSON object." };
        var command = new Command("explain", "Explain why an item did or did not alert for a rule, from the item archive.") { rule, item, feed, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = ConfigFiles.Load(parse);
            if (loaded.Config is null) return ConfigReport.Write(loaded, Console.Error);
            return await ArchiveCommandServices.RunAsync(loaded.Config, async services =>
            {
                var run = await services.GetRequiredService<Explainer>().ExplainAsync(
                    parse.GetValue(rule)!, parse.GetValue(item)!, parse.GetValue(feed), cancellationToken);
                if (run.Status == ExplainStatus.UnknownRule)
                {
                    await Console.Error.WriteLineAsync($"--rule: error: no rule '{parse.GetValue(rule)}' in the config");
                    return ExitCodes.InvalidQuery;
                }
                if (parse.GetValue(json)) Console.Out.WriteLine(JsonSerializer.Serialize(Json(run), CommandJson.Options));
                else WriteText(run, parse.GetValue(item)!, Console.Out);
                return run.Status == ExplainStatus.Found ? ExitCodes.Ok : ExitCodes.NothingMatched;
            }, cancellationToken);
        });
        return command;
    }

    private static void WriteText(ExplainRun run, string asked, TextWriter output)
    {
        switch (run.Status)
        {
            case ExplainStatus.ArchiveOff:
                output.WriteLine(ArchiveCommandServices.ArchiveOff);
                return;
            case ExplainStatus.NotArchived:
                output.WriteLine($"{OneLine.Escape(asked)} is not in the item archive (no item with that key or link; the archive keeps {Core.Durations.Format(run.Keep)} and at most {Storage.PollArchive.KeptPerFeed} items per feed)");
                return;
        }
        foreach (var e in run.Items)
        {
            var item = e.Item;
            output.WriteLine($"{(e.Alerted ? "ALERTED" : "NOT ALERTED")} {OneLine.Escape(item.Item.Title)}");
            output.WriteLine($"  feed {item.FeedId} · key {OneLine.Escape(item.Item.Key)} · seen {item.SeenAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}{(item.Item.Link is { } link ? " · " + OneLine.Escape(link) : "")}");
            output.WriteLine($"  rule {e.RuleId}: {OneLine.Escape(e.Query)}");
            output.WriteLine($"  scope: {(e.Scope is null ? "every feed" : string.Join(", ", e.Scope.Order(StringComparer.Ordinal)))} ({(e.InScope ? "in scope" : "out of scope")})");
            foreach (var term in e.Terms)
            {
                var name = $"{(term.Negated ? "NOT " : "")}{(term.Fields is null ? "" : term.Fields + ":")}{term.Term}";
                if (term.Evidence is null) output.WriteLine($"  - {OneLine.Escape(name)}: not found");
                else foreach (var m in term.Evidence)
                    output.WriteLine($"  + {OneLine.Escape(name)}: {m.Field} at {m.Start}: {OneLine.Escape(m.Snippet)}");
            }
            output.WriteLine($"  query matches: {(e.Matches ? "yes" : "no")} · matched at poll time: {(e.MatchedAtPoll ? "yes" : "no")}");
            foreach (var d in e.Deliveries) output.WriteLine($"  message {d.Id} to {d.SubscriberId} by {Storage.DeliveryChannelNames.Name(d.Channel)}: {d.Status.ToString().ToLowerInvariant()}");
            foreach (var c in e.Copies)
                output.WriteLine($"  also reported by {OneLine.Escape(c.Source.FeedTitle)} ({c.Source.FeedId}): {OneLine.Escape(c.Source.Title)} ({Core.Stories.StoryReasons.Of(c.MatchedBy)}; grouped for {c.SubscriberId})");
            foreach (var reason in e.Reasons) output.WriteLine($"  why: {reason}");
        }
    }

    private static object Copy(Storage.StoryCopy c) => new
    {
        subscriber = c.SubscriberId,
        storyAlertId = c.StoryAlertId,
        copyAlertId = c.CopyAlertId,
        matchedBy = Storage.StoryNames.Name(c.MatchedBy),
        feed = new { id = c.Source.FeedId, title = c.Source.FeedTitle },
        title = c.Source.Title,
        link = c.Source.Link,
        groupedAt = c.Source.At,
    };

    private static object Json(ExplainRun run) => new
    {
        archive = new { enabled = run.Status != ExplainStatus.ArchiveOff, keep = Core.Durations.Format(run.Keep) },
        found = run.Status == ExplainStatus.Found,
        items = run.Items.Select(e => new
        {
            feed = e.Item.FeedId,
            key = e.Item.Item.Key,
            title = e.Item.Item.Title,
            link = e.Item.Item.Link,
            seenAt = e.Item.SeenAt,
            rule = e.RuleId,
            query = e.Query,
            scope = e.Scope?.Order(StringComparer.Ordinal),
            inScope = e.InScope,
            terms = e.Terms.Select(t => new
            {
                term = t.Term,
                fields = t.Fields,
                negated = t.Negated,
                hit = t.Hit,
                matches = t.Evidence?.Select(m => new { field = m.Field, term = m.Term, start = m.Start, length = m.Length, snippet = m.Snippet }) ?? [],
            }),
            matches = e.Matches,
            matchedAtPoll = e.MatchedAtPoll,
            baseline = e.Item.Baseline,
            seenBefore = e.Item.SeenBefore,
            tooOld = e.TooOld,
            maxItemAge = Core.Durations.Format(e.MaxItemAge),
            subscribers = e.Subscribers,
            alerted = e.Alerted,
            deliveries = e.Deliveries.Select(d => new { id = d.Id, subscriber = d.SubscriberId, channel = Storage.DeliveryChannelNames.Name(d.Channel), status = d.Status.ToString().ToLowerInvariant() }),
            grouped = e.GroupedWith.Select(Copy),
            copies = e.Copies.Select(Copy),
            reasons = e.Reasons,
        }),
    };
}
