using System.Runtime.InteropServices;
using System.Text;

namespace Aggregator.Configuration;

/// <summary>
/// Config files are read only when they are regular files, directly or at the end of their symbolic links. A device
/// or a FIFO must not be read (<c>/dev/zero</c> never ends, a FIFO blocks), yet .NET reports them as ordinary files:
/// on Linux the type comes from <c>statx(2)</c>, whose layout is the same on every architecture; elsewhere, and on a
/// C library without <c>statx</c>, any existing non-directory counts.
/// </summary>
internal static class RegularFile
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;

    /// <summary>Why <paramref name="path"/> is not to be read, naming where its links lead; null for a regular file.</summary>
    public static string? Refusal(string path)
    {
        string? target;
        try
        {
            target = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName;
        }
        catch (FileNotFoundException)
        {
            return "the file does not exist";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"the symbolic link cannot be followed: {e.Message}";
        }
        var problem = !File.Exists(target ?? path) ? "does not exist" : IsRegular(target ?? path) ? null : "is not a regular file";
        if (problem is null) return null;
        return target is null ? $"the file {problem}" : $"a symbolic link to {target}, which {problem}";
    }

    private static bool IsRegular(string path)
    {
        if (!OperatingSystem.IsLinux()) return true;
        var buffer = new byte[256];
        try
        {
            if (Statx(AtCurrentDirectory, Encoding.UTF8.GetBytes(path + "\0"), 0, StatxType, buffer) != 0) return false;
        }
        catch (EntryPointNotFoundException)
        {
            return true;
        }
        return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) == Regular;
    }

    [DllImport("libc", EntryPoint = "statx")]
    private static extern int Statx(int directory, byte[] path, int flags, uint mask, [Out] byte[] buffer);
}
