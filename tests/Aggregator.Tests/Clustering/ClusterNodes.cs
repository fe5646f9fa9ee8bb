using System.Globalization;
using System.Text.RegularExpressions;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Clustering;

/// <summary>
/// Several <c>aggregator run</c> processes on one config directory and one PostgreSQL database, each with
/// its own working directory and heartbeat file, as an operator runs a cluster.
/// </summary>
internal sealed partial class ClusterNodes : IDisposable
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private readonly TempDirectory _dir;
    private readonly string _connectionString;
    private readonly List<AggregatorProcess> _nodes = [];

    public ClusterNodes(TempDirectory dir, string connectionString)
    {
        _dir = dir;
        _connectionString = connectionString;
    }

    public IReadOnlyList<AggregatorProcess> Nodes => _nodes;

    public string ConfigDirectory => _dir.Combine("config");

    /// <summary>The environment every node gets: the connection string (the config refers to it) and a short relay lease.</summary>
    public IReadOnlyDictionary<string, string> Environment(int node) => new Dictionary<string, string>
    {
        ["AGGREGATOR_DB"] = _connectionString,
        ["AGGREGATOR_HEARTBEAT"] = _dir.Combine($"node{node}", "heartbeat.json"),
        ["AGGREGATOR_DELIVERY_LEASE"] = "10s",
    };

    /// <summary>Writes the shared config: every feed polled each second, one rule, one webhook subscriber.</summary>
    /// <param name="slowFeed">A feed polled every 2 s instead.</param>
    public void WriteConfig(IEnumerable<FeedServer> feeds, WebhookReceiver hook, int? slowFeed = null)
    {
        var feedLines = string.Concat(feeds.Select((f, i) => $"""
              - id: feed-{i}
                url: {f.FeedUrl}
                every: {(i == slowFeed ? 2 : 1)}s

            """));
        _dir.Write("config/aggregator.yaml", $$"""
            settings:
              storage:
                provider: postgres
                connectionString: "${AGGREGATOR_DB}"
              scheduler:
                clustered: true
              polling:
                minEvery: 1s
                timeout: 5s
              network:
                allowedPrivateNetworks: ["127.0.0.0/8"]
              delivery:
                retryInitial: 1s
            feeds:
            {{feedLines}}
            rules:
              - id: troops
                query: troops
                notify: [newsroom]
            subscribers:
              - id: newsroom
                webhook:
                  url: {{hook.Url}}
                  secret: {{Secret}}
            """);
    }

    public void StartAll(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var work = _dir.Combine($"node{i}");
            Directory.CreateDirectory(work);
            _nodes.Add(AggregatorProcess.Start(work, Environment(i), "run", "--config", ConfigDirectory));
        }
    }

    public string Output(int node) => _nodes[node].StandardOutput + _nodes[node].StandardError;

    public string AllOutput() => string.Join("\n", _nodes.Select((_, i) => $"--- node {i}\n{Output(i)}"));

    /// <summary>How many times <paramref name="text"/> appears in a node's output.</summary>
    public int Count(int node, string text)
    {
        var output = Output(node);
        var count = 0;
        for (var at = output.IndexOf(text, StringComparison.Ordinal); at >= 0; at = output.IndexOf(text, at + text.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>The sum, over every node's log, of the "Schedule applied" counts (added, changed, removed).</summary>
    public (int Added, int Changed, int Removed) ScheduleChanges()
    {
        int added = 0, changed = 0, removed = 0;
        foreach (Match m in _nodes.SelectMany((_, i) => ScheduleApplied().Matches(Output(i))))
        {
            added += int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            changed += int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            removed += int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        }
        return (added, changed, removed);
    }

    [GeneratedRegex(@"Schedule applied: (\d+) feeds added, (\d+) changed, (\d+) removed")]
    private static partial Regex ScheduleApplied();

    public void Dispose()
    {
        foreach (var node in _nodes) node.Dispose();
    }
}
