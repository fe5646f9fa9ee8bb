using System.Globalization;
using Aggregator.Core.Rendering;

namespace Aggregator.Status;

/// <summary>The <c>status</c> report as aligned tables, and a line on the console's config changes when there are any.</summary>
internal static class StatusText
{
    public static void Write(StatusReport report, TextWriter output)
    {
        Table(output,
            ["FEED", "LAST POLL", "RESULT", "HTTP", "ERRORS", "NEXT POLL", "ITEMS", "LAST NEW ITEM", "NOTE"],
            report.Feeds.Select(f => new[]
            {
                f.Id, Time(f.LastPollAt), f.LastResult ?? "never polled", f.LastHttpStatus?.ToString(CultureInfo.InvariantCulture) ?? "-",
                f.ConsecutiveErrors.ToString(CultureInfo.InvariantCulture), Time(f.NextPollAt), f.ItemsSeen.ToString(CultureInfo.InvariantCulture),
                Time(f.LastNewItemAt), Note(f),
            }));
        output.WriteLine();
        Table(output,
            ["RULE", "MATCHES", "LAST MATCH", "QUERY"],
            report.Rules.Select(r => new[] { r.Id, r.Matches.ToString(CultureInfo.InvariantCulture), Time(r.LastMatchAt), r.Query }));
        output.WriteLine();
        Table(output,
            ["SUBSCRIBER", "QUEUED", "SENT", "FAILING", "DEAD", "LAST SENT", "NOTE"],
            report.Subscribers.Select(s => new[]
            {
                s.Id, N(s.Queued), N(s.Sent), N(s.Failed), N(s.DeadLettered), Time(s.LastSentAt),
                string.Join("; ", s.DisabledEndpoints.Select(d => "disabled " + d)
                    .Append(s.WaitingFor.Count == 0 ? null : "retrying for " + string.Join(", ", s.WaitingFor))
                    .Append(s.LastError is null ? null : "last error: " + s.LastError)
                    .Append(s.Suppressed == 0 ? null : $"{N(s.Suppressed)} suppressed by their choices").OfType<string>()),
            }));
        if (report.SubscriberChoices.Count > 0)
        {
            output.WriteLine();
            Table(output,
                ["CHOICES OF", "UNSUBSCRIBED", "PAUSED UNTIL", "DIGEST", "MUTES", "RULES OFF"],
                report.SubscriberChoices.Select(c => new[]
                {
                    c.Id, N(c.Unsubscribed), Time(c.PausedUntil), c.Digest ?? "-", N(c.Mutes),
                    c.RulesOff.Count == 0 ? "-" : string.Join(", ", c.RulesOff),
                }));
        }
        if (report.Rules.Any(r => r.NotRelevant > 0))
        {
            output.WriteLine();
            Table(output, ["NOT RELEVANT", "MARKED"],
                report.Rules.Where(r => r.NotRelevant > 0).Select(r => new[] { r.Id, r.NotRelevant.ToString(CultureInfo.InvariantCulture) }));
        }
        if (report.ConfigChanges is { Total: > 0 } changes)
        {
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CONFIG CHANGES  {changes.Total} made in the console: {changes.Accepted} accepted, {changes.Rejected} rejected, {changes.Pending} pending, {changes.Offered} offered as patches; last {Time(changes.LastAt)}"));
        }
    }

    private static string Note(FeedStatus feed) => string.Join("; ", new[]
    {
        feed.Disabled ? "disabled (410 Gone)" : null,
        feed.RedirectedTo is null ? null : "moved permanently to " + feed.RedirectedTo,
        feed.LastError,
    }.OfType<string>());

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";

    private static void Table(TextWriter output, string[] header, IEnumerable<string[]> rows)
    {
        // Errors and queries come from feeds, servers and files: each cell is escaped onto its row.
        var all = rows.Prepend(header).Select(r => r.Select(cell => OneLine.Escape(cell)).ToArray()).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
    }
}
