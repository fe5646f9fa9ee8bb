using System.Text;
using Aggregator.Configuration;

namespace Aggregator.Tests.Configuration;

/// <summary>Random deep, large and malformed config files: the loader answers with a config or errors, never an exception.</summary>
public sealed class ConfigFuzzTests
{
    private static readonly string[] Pieces =
    [
        "settings:\n", "feeds:\n", "rules:\n", "subscribers:\n", "  - id: a\n", "    url: https://x.example/f\n", "    url: \"a\\0b\"\n",
        "    every: 99999999d\n", "    cron: \"* * * * * ?\"\n", "    query: ((((a\n", "    query: \"a NEAR/0 b\"\n", "    notify: [a]\n",
        "  polling:\n", "    timeout: 0s\n", "    maxBodySize: 99GiB\n", "  storage:\n", "    connectionString: \";;==\"\n",
        "&x ", "*x ", "[", "]", "{", "}", ": ", "- ", "'", "\"", "#", "\t", "${NOPE}", "${A:-b}", "\0", "\uFEFF", "…", "\n", "  ", "? ", "!!binary ",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Random_files_load_to_a_config_or_errors(int seed)
    {
        var random = new Random(seed);
        using var dir = new TempConfigDirectory();
        var loader = new ConfigLoader(_ => null);
        for (var round = 0; round < 300; round++)
        {
            var text = new StringBuilder();
            var length = random.Next(1, round % 50 == 0 ? 50_000 : 60);
            for (var i = 0; i < length; i++) text.Append(Pieces[random.Next(Pieces.Length)]);
            dir.Write("fuzz.yaml", text.ToString());
            var result = Should.NotThrow(() => loader.Load(dir.Path), text.Length < 300 ? text.ToString() : $"round {round}");
            (result.Config is not null || result.Diagnostics.Any(d => d.IsError)).ShouldBeTrue();
        }
    }
}
