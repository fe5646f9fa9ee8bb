using System.Runtime.InteropServices;

namespace Aggregator.Delivery.Email;

/// <summary>
/// fsync(2) on a directory, which makes the renames in it durable. .NET opens no directory as a stream, so this
/// calls libc; on Windows a rename is durable once <c>MoveFileEx</c> returns and there is nothing to do.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0;
    private const int Directory = 0x10000; // O_DIRECTORY on Linux
    private const int DirectoryMac = 0x100000; // O_DIRECTORY on macOS and the BSDs

    public static void Flush(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        var flags = ReadOnly | (OperatingSystem.IsLinux() ? Directory : DirectoryMac);
        var fd = Open([.. System.Text.Encoding.UTF8.GetBytes(path), 0], flags);
        if (fd < 0) throw new IOException($"cannot open directory {path} to flush it: errno {Marshal.GetLastPInvokeError()}");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"cannot flush directory {path}: errno {Marshal.GetLastPInvokeError()}");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
