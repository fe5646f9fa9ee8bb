using System.Text.RegularExpressions;
using Aggregator.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Aggregator.Tests.Deployment;

/// <summary>
/// <c>deploy/compose.yaml</c> promises three workers sharing one PostgreSQL: the config its workers mount, with the
/// environment it gives them, must pass <c>check-config</c> and turn clustering on.
/// </summary>
public sealed partial class ComposeClusterTests
{
    /// <summary>What the operator exports before <c>docker compose up</c> (the file's header says which).</summary>
    private static readonly Dictionary<string, string> Exported = new()
    {
        ["POSTGRES_PASSWORD"] = "compose-test-password",
        ["NEWSROOM_WEBHOOK_SECRET"] = "whsec_" + new string('k', 32),
    };

    [Fact]
    public async Task The_three_workers_mount_a_clustered_config_on_the_postgres_service()
    {
        var ct = TestContext.Current.CancellationToken;
        var compose = Load();
        var services = (YamlMappingNode)compose["services"];
        var postgres = (YamlMappingNode)services["postgres"];
        ((YamlScalarNode)postgres["image"]).Value.ShouldStartWith("postgres:");
        postgres.Children.ShouldContainKey(new YamlScalarNode("healthcheck"));

        var workers = services.Children.Where(s => s.Value is YamlMappingNode m && m.Children.ContainsKey(new YamlScalarNode("<<"))).ToList();
        workers.Count.ShouldBe(3);
        var worker = (YamlMappingNode)compose["x-worker"];
        workers.ShouldAllBe(w => ReferenceEquals(((YamlMappingNode)w.Value)["<<"], worker));

        var environment = ((YamlMappingNode)worker["environment"]).Children
            .ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => Interpolate(((YamlScalarNode)e.Value).Value!));
        environment["AGGREGATOR_DB"].ShouldContain("Host=postgres;");
        var volume = ((YamlSequenceNode)worker["volumes"]).Children.Cast<YamlScalarNode>().Single().Value!.Split(':');
        volume[1].ShouldBe(environment["AGGREGATOR_CONFIG"]);
        var configDirectory = Path.GetFullPath(Path.Combine(RepoPaths.Root, "deploy", volume[0]));

        // The mounted directory stands in for the container's AGGREGATOR_CONFIG.
        environment["AGGREGATOR_CONFIG"] = configDirectory;
        var (code, stdout, stderr) = await AggregatorProcess.RunAsync(RepoPaths.Root, environment, ct, "check-config");

        code.ShouldBe(0, stdout + stderr);
        stdout.ShouldNotContain(": error: ");
        stdout.ShouldContain("state in postgres, scheduler clustered");
    }

    private static YamlMappingNode Load()
    {
        using var reader = new StreamReader(Path.Combine(RepoPaths.Root, "deploy", "compose.yaml"));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>Compose's own interpolation: <c>${X}</c>, <c>${X:-default}</c>, <c>${X:?error}</c> (unset is an error).</summary>
    private static string Interpolate(string value) => Variable().Replace(value, match =>
    {
        var name = match.Groups["name"].Value;
        if (Exported.TryGetValue(name, out var exported)) return exported;
        return match.Groups["op"].Value switch
        {
            ":-" => match.Groups["arg"].Value,
            ":?" => throw new InvalidOperationException($"compose would refuse to start: {name} is not exported ({match.Groups["arg"].Value})"),
            _ => string.Empty,
        };
    });

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:[-?])(?<arg>[^}]*))?\}")]
    private static partial Regex Variable();
}
