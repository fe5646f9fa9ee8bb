using System.CommandLine;
using System.Text.Json;
using Aggregator.Configuration;
using Aggregator.Core.Items;
using Aggregator.Core.Rendering;

namespace Aggregator.Commands;

/// <summary><c>parse</c>: fetch or read, parse and print the normalised feed of each input.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Feed files or http(s) URLs.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "One JSON object per input, one per line." };
        var command = new Command("parse", "Fetch or read feeds and print them as Aggregator sees them.") { inputs, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var reader = new FeedInputs(FeedInputs.ConfigOrDefaults(ConfigFiles.Directory(parse)));
            var code = ExitCodes.Ok;
            foreach (var input in parse.GetValue(inputs) ?? [])
            {
                var (feed, error) = await reader.ReadAsync(input, cancellationToken);
                if (feed is null)
                {
                    await Console.Error.WriteLineAsync($"{FeedInputs.Shown(input)}: {OneLine.Escape(error)}");
                    code = ExitCodes.NotAFeed;
                    continue;
                }
                foreach (var note in feed.Notes) await Console.Error.WriteLineAsync($"{input}: warning: {note}");
                if (parse.GetValue(json))
                    Console.Out.WriteLine(JsonSerializer.Serialize(ParseOutput.From(Urls.Redact(input), feed), CommandJson.Options));
                else
                    WriteText(input, feed);
            }
            return code;
        });
        return command;
    }

    /// <summary>One line per field, each escaped: a feed's text cannot start a line of its own.</summary>
    private static void WriteText(string input, ParsedFeed feed)
    {
        Console.Out.WriteLine($"{FeedInputs.Shown(input)}: {OneLine.Escape(feed.Title)} ({feed.Format}, {feed.Items.Count} items)");
        foreach (var item in feed.Items)
        {
            Console.Out.WriteLine($"  - {OneLine.Escape(item.Title)}");
            Console.Out.WriteLine($"    key: {OneLine.Escape(item.Key)}");
            if (item.Link is not null) Console.Out.WriteLine($"    link: {OneLine.Escape(item.Link)}");
            if (item.Published is { } published) Console.Out.WriteLine($"    published: {published:u}");
        }
    }
}
