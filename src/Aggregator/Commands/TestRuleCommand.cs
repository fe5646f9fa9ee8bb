using System.CommandLine;
using System.Text.Json;
using Aggregator.Configuration;
using Aggregator.Core.Query;
using Aggregator.Core.Rendering;

namespace Aggregator.Commands;

/// <summary>
/// <c>test-rule</c>: evaluates one query (<c>--query</c>) or every rule of the config against the items of
/// each input and shows which matched and why. Feed scopes are ignored: the question is what the query means.
/// </summary>
internal static class TestRuleCommand
{
    public const string QueryRuleId = "query";

    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Feed files or http(s) URLs.", Arity = ArgumentArity.OneOrMore };
        var query = new Option<string?>("--query") { Description = "The query to test; without it, every rule of --config." };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object." };
        var command = new Command("test-rule", "Show which items a query (or every configured rule) matches, and why.") { inputs, query, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var directory = ConfigFiles.Directory(parse);
            var rules = Rules(parse.GetValue(query), directory);
            if (rules.Error is not null)
            {
                await Console.Error.WriteLineAsync(rules.Error);
                return ExitCodes.InvalidQuery;
            }

            using var reader = new FeedInputs(rules.Config);
            var report = new TestRuleReport(rules.Definitions);
            var regexBudget = new RegexBudget(TimeProvider.System, RegexBudget.DefaultPerItem, Timeout.InfiniteTimeSpan);
            var unreadable = false;
            foreach (var input in parse.GetValue(inputs) ?? [])
            {
                var (feed, error) = await reader.ReadAsync(input, cancellationToken);
                if (feed is null)
                {
                    await Console.Error.WriteLineAsync($"{FeedInputs.Shown(input)}: {OneLine.Escape(error)}");
                    unreadable = true;
                    continue;
                }
                var feedId = rules.Config.Feeds.FirstOrDefault(f => SameInput(f, input))?.Id ?? string.Empty;
                foreach (var item in feed.Items) report.Add(item, rules.Index!.Match(item, feedId, feed.Title, regexBudget));
            }

            if (regexBudget.Skipped > 0)
            {
                await Console.Error.WriteLineAsync(
                    $"warning: {regexBudget.Skipped} regex evaluations counted as no match: an item's regexes ran past {RegexBudget.DefaultPerItem.TotalMilliseconds} ms");
            }
            if (parse.GetValue(json)) Console.Out.WriteLine(JsonSerializer.Serialize(report.ToJson(), CommandJson.Options));
            else report.WriteText(Console.Out);
            if (report.AnyMatched) return ExitCodes.Ok;
            return unreadable ? ExitCodes.NotAFeed : ExitCodes.NothingMatched;
        });
        return command;
    }

    private static (AggregatorConfig Config, RuleDefinition[] Definitions, RuleIndex? Index, string? Error) Rules(string? query, string directory)
    {
        if (query is not null)
        {
            RuleDefinition[] single = [new RuleDefinition(QueryRuleId, query, null)];
            try
            {
                return (FeedInputs.ConfigOrDefaults(directory), single, RuleIndex.Build(single), null);
            }
            catch (QuerySyntaxException ex)
            {
                return (null!, [], null, $"--query:{ex.Column}: error: {ex.Message}");
            }
        }

        // Building the index checks every query, so the load leaves them alone: checking them there as well would
        // parse and compile each one twice. On any problem the config is loaded again with the checks, so the
        // operator gets check-config's report: every error and warning, each with its path:line:col.
        var loaded = new ConfigLoader(validateQuery: _ => { }).Load(directory);
        if (loaded.Config is not null)
        {
            RuleDefinition[] definitions = [.. loaded.Config.Rules.Select(r => new RuleDefinition(r.Id, r.Query, null))];
            try
            {
                return (loaded.Config, definitions, RuleIndex.Build(definitions), null);
            }
            catch (QuerySyntaxException)
            {
                loaded = new ConfigLoader().Load(directory);
                if (loaded.Config is not null) throw;
            }
        }
        else
        {
            loaded = new ConfigLoader().Load(directory);
        }
        return (null!, [], null, string.Join(Environment.NewLine, ConfigReport.Lines(loaded.Diagnostics)));
    }

    private static bool SameInput(FeedDefinition feed, string input) =>
        feed.Url == input || (feed.Location.IsFile && File.Exists(input) && feed.Location.LocalPath == Path.GetFullPath(input));
}
