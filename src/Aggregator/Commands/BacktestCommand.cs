using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Aggregator.Backtesting;
using Aggregator.Configuration;
using Aggregator.Core;
using Aggregator.Core.Backtesting;
using Aggregator.Core.Items;
using Aggregator.Core.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Commands;

/// <summary>
/// <c>backtest</c>: evaluates a query (<c>--query</c>) or a rule of the config (<c>--rule</c>, with its feeds) over the item
/// archive, printing the matches as <c>test-rule</c> does, then the matches per feed and the alerts per day.
/// </summary>
internal static class BacktestCommand
{
    public static Command Create()
    {
        var query = new Option<string?>("--query") { Description = "The query to evaluate." };
        var rule = new Option<string?>("--rule") { Description = "A rule id of --config: its query over its feeds, compared with what it matched at poll time." };
        var days = new Option<int?>("--days") { Description = "Only items seen in the last N days." };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object." };
        var command = new Command("backtest", "Evaluate a query or rule over the items the worker has read (the item archive).") { query, rule, days, json };
        command.Validators.Add(r =>
        {
            if ((r.GetValue(query) is null) == (r.GetValue(rule) is null)) r.AddError("give either --query or --rule");
            if (r.GetValue(days) is <= 0) r.AddError("--days must be a positive number of days");
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = ConfigFiles.Load(parse);
            if (loaded.Config is null) return ConfigReport.Write(loaded, Console.Error);
            var window = parse.GetValue(days) is { } n ? TimeSpan.FromDays(n) : (TimeSpan?)null;
            return await ArchiveCommandServices.RunAsync(loaded.Config, async services =>
            {
                var backtester = services.GetRequiredService<Backtester>();
                var run = parse.GetValue(rule) is { } ruleId
                    ? await backtester.RunRuleAsync(ruleId, window, cancellationToken)
                    : await backtester.RunQueryAsync(parse.GetValue(query)!, window, cancellationToken);
                switch (run.Status)
                {
                    case BacktestStatus.InvalidQuery:
                        await Console.Error.WriteLineAsync($"--query:{run.Error}");
                        return ExitCodes.InvalidQuery;
                    case BacktestStatus.UnknownRule:
                        await Console.Error.WriteLineAsync($"--rule: error: {run.Error}");
                        return ExitCodes.InvalidQuery;
                }
                if (parse.GetValue(json)) Console.Out.WriteLine(JsonSerializer.Serialize(Json(run), CommandJson.Options));
                else WriteText(run, parse.GetValue(days), Console.Out);
                return run.Result is { Matches.Count: > 0 } ? ExitCodes.Ok : ExitCodes.NothingMatched;
            }, cancellationToken);
        });
        return command;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    private static void WriteText(BacktestRun run, int? days, TextWriter output)
    {
        var rule = run.Rule!;
        var what = rule.Id == "query" ? $"query {OneLine.Escape(rule.Query)}" : $"rule {rule.Id} ({OneLine.Escape(rule.Query)})";
        if (run.Status == BacktestStatus.ArchiveOff)
        {
            output.WriteLine(ArchiveCommandServices.ArchiveOff);
            return;
        }
        var result = run.Result!;
        if (result.Evaluated == 0)
        {
            var where = (rule.FeedIds is null ? "" : " of the rule's feeds") + (days is { } n ? $" seen in the last {n} days" : "");
            output.WriteLine($"the item archive holds no items{where}: nothing to evaluate {what} on");
            return;
        }
        output.WriteLine($"{what} over the {result.Evaluated} newest archived items (the archive keeps {Durations.Format(run.Keep)})");
        foreach (var match in result.Matches)
        {
            var item = match.Item;
            output.WriteLine($"MATCH {OneLine.Escape(item.Item.Title)}");
            output.WriteLine($"      {item.FeedId} · seen {Time(item.SeenAt)}{Flags(match)} · {OneLine.Escape(item.Item.Link ?? item.Item.Key)}");
            foreach (var term in match.Match.Matches)
                output.WriteLine($"        {term.Field}: \"{OneLine.Escape(term.Term)}\" at {term.Start}: {OneLine.Escape(term.Snippet)}");
        }
        if (result.PerFeed.Count > 0)
        {
            output.WriteLine("matches per feed:");
            foreach (var feed in result.PerFeed) output.WriteLine($"  {feed.FeedId}  {feed.Count}");
            output.WriteLine("alerts per day (UTC; baseline, already seen and too old items would not alert):");
            foreach (var day in result.PerDay) output.WriteLine($"  {Day(day.Day)}  {day.Count}");
        }
        if (result.Difference is { } diff)
        {
            output.WriteLine($"against poll time: +{diff.NewlyMatched.Count} newly matched, -{diff.NoLongerMatched.Count} no longer matched");
            foreach (var item in diff.NewlyMatched) output.WriteLine($"  + {Line(item)}");
            foreach (var item in diff.NoLongerMatched) output.WriteLine($"  - {Line(item)}");
        }
        if (result.RegexSkipped > 0) output.WriteLine($"warning: {result.RegexSkipped} regex evaluations ran past their time budget and counted as no match");
        output.WriteLine($"{result.Matches.Count} of {result.Evaluated} archived items matched");
    }

    private static string Flags(BacktestMatch match) =>
        match.WouldAlert ? "" : match.Item.Baseline ? " · baseline" : match.Item.SeenBefore ? " · already seen" : " · too old";

    private static string Line(ArchivedItem item) => $"{OneLine.Escape(item.Item.Title)} ({item.FeedId} · {Time(item.SeenAt)} · {OneLine.Escape(item.Item.Link ?? item.Item.Key)})";

    private static object ItemJson(ArchivedItem item) => new
    {
        feed = item.FeedId,
        key = item.Item.Key,
        title = item.Item.Title,
        link = item.Item.Link,
        seenAt = item.SeenAt,
        baseline = item.Baseline,
        seenBefore = item.SeenBefore,
    };

    private static object Json(BacktestRun run) => new
    {
        rule = run.Rule!.Id == "query" ? null : run.Rule.Id,
        query = run.Rule.Query,
        feeds = run.Rule.FeedIds?.Order(StringComparer.Ordinal),
        archive = new { enabled = run.Status != BacktestStatus.ArchiveOff, keep = Durations.Format(run.Keep) },
        evaluated = run.Result?.Evaluated ?? 0,
        matched = run.Result?.Matches.Count ?? 0,
        items = run.Result?.Matches.Select(m => new
        {
            feed = m.Item.FeedId,
            key = m.Item.Item.Key,
            title = m.Item.Item.Title,
            link = m.Item.Item.Link,
            seenAt = m.Item.SeenAt,
            baseline = m.Item.Baseline,
            seenBefore = m.Item.SeenBefore,
            wouldAlert = m.WouldAlert,
            matches = m.Match.Matches.Select(t => new { field = t.Field, term = t.Term, start = t.Start, length = t.Length, snippet = t.Snippet }),
        }) ?? [],
        perFeed = run.Result?.PerFeed.Select(f => new { feed = f.FeedId, matches = f.Count }) ?? [],
        alertsPerDay = run.Result?.PerDay.Select(d => new { day = Day(d.Day), alerts = d.Count }) ?? [],
        newlyMatched = run.Result?.Difference?.NewlyMatched.Select(ItemJson),
        noLongerMatched = run.Result?.Difference?.NoLongerMatched.Select(ItemJson),
    };
}
