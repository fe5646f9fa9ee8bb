namespace Aggregator.Tests.Support;

/// <summary>Paths of the checkout the tests were built from.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string BundledConfig => Path.Combine(Root, "config");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Aggregator.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Aggregator.sln not found above " + AppContext.BaseDirectory);
    }
}
