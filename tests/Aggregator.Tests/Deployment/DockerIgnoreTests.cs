using Aggregator.Tests.Support;

namespace Aggregator.Tests.Deployment;

/// <summary>
/// The image restores and builds from source; a host's <c>obj/</c> in the build context carries a
/// <c>project.assets.json</c> with host paths that breaks the restore inside the image.
/// </summary>
public sealed class DockerIgnoreTests
{
    private static IReadOnlyList<string> Patterns() =>
        [.. File.ReadAllLines(Path.Combine(RepoPaths.Root, ".dockerignore"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))];

    [Theory]
    [InlineData("**/bin/")]
    [InlineData("**/obj/")]
    [InlineData(".git/")]
    [InlineData("**/TestResults/")]
    [InlineData("**/BenchmarkDotNet.Artifacts/")]
    [InlineData("data/")]
    public void Leaves_build_output_and_state_out_of_the_context(string pattern) =>
        Patterns().ShouldContain(pattern);

    [Fact]
    public void Keeps_everything_the_Dockerfile_copies()
    {
        var patterns = Patterns();
        patterns.ShouldNotContain(p => p.StartsWith('!'), "no re-inclusion: what is left out stays out");
        var copied = File.ReadAllLines(Path.Combine(RepoPaths.Root, "Dockerfile"))
            .Where(line => line.StartsWith("COPY ", StringComparison.Ordinal) && !line.Contains("--from=", StringComparison.Ordinal))
            .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
            .ToList();
        copied.ShouldContain("src/");
        copied.ShouldContain("config/");
        foreach (var source in copied)
        {
            var path = Path.Combine(RepoPaths.Root, source);
            (source.EndsWith('/') ? Directory.Exists(path) : File.Exists(path)).ShouldBeTrue(source);
            // A rooted pattern (no **) names a top-level entry; none of them may be one the Dockerfile copies.
            patterns.Where(p => !p.StartsWith("**", StringComparison.Ordinal))
                .ShouldNotContain(p => source.StartsWith(p.TrimEnd('/'), StringComparison.Ordinal), source);
        }
    }
}
