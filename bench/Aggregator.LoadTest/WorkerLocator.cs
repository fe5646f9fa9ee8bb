namespace Aggregator.LoadTest;

/// <summary>Finds the Release build of the worker in the checkout this harness runs from.</summary>
internal static class WorkerLocator
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Aggregator.sln")))
                return Path.Combine(dir.FullName, "src", "Aggregator", "bin", "Release", "net10.0", "aggregator.dll");
        }
        return Path.Combine("src", "Aggregator", "bin", "Release", "net10.0", "aggregator.dll");
    }
}
