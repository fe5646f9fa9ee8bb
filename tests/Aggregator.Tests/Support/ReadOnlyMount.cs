using System.Diagnostics;

namespace Aggregator.Tests.Support;

/// <summary>
/// A directory made read-only for everyone, root included, by a read-only bind mount over itself: what a config
/// directory mounted <c>:ro</c> into the container looks like to the worker.
/// </summary>
internal sealed class ReadOnlyMount : IDisposable
{
    private readonly string _path;

    private ReadOnlyMount(string path) => _path = path;

    /// <summary>The mount, or null where this machine does not allow it (not root, no mount namespace rights).</summary>
    public static ReadOnlyMount? Over(string path)
    {
        if (!OperatingSystem.IsLinux() || !Run("mount", "--bind", path, path)) return null;
        if (Run("mount", "-o", "remount,bind,ro", path)) return new ReadOnlyMount(path);
        Run("umount", path);
        return null;
    }

    public void Dispose() => Run("umount", _path);

    private static bool Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
