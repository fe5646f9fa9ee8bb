namespace Aggregator.Tests.Configuration;

/// <summary>One row per kind of mistake: the YAML an operator might write and the exact check-config line.</summary>
public sealed class ConfigErrorTableTests
{
    [Theory]
    [MemberData(nameof(ConfigErrorTable.Cases), MemberType = typeof(ConfigErrorTable))]
    public void Reports_each_mistake_at_its_position(string name, string yaml, string expected)
    {
        using var dir = new TempConfigDirectory();
        dir.Write("feed.xml", "<rss version=\"2.0\"><channel><title>t</title></channel></rss>");
        dir.Write("config.yaml", yaml);

        var result = dir.Load();

        string.Join("\n", dir.Lines(result)).ShouldBe(expected, name);
        result.Config.ShouldBeNull(name);
    }
}
