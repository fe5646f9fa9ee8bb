using System.Security.Cryptography;
using System.Text;
using Aggregator.Configuration;

namespace Aggregator.ConfigEditing;

/// <summary>
/// The files of the config directory as the console reads and writes them: by bare name only (no path can leave the
/// directory), byte for byte, and written atomically (a temporary file in the same directory renamed over the old
/// one, so the watcher and a reader never see half a file).
/// </summary>
internal sealed class ConfigFiles(string directory)
{
    /// <summary>Decodes without dropping a byte-order mark, so writing the text back gives the same bytes.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Versions read recently, by hash: a refused save shows what changed on disk since its page was loaded.</summary>
    private readonly BoundedCache<string, string> _seen = new(64);

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>The config files there now, in the loader's order.</summary>
    public IReadOnlyList<string> Names() =>
        [.. System.IO.Directory.EnumerateFiles(Directory).Select(Path.GetFileName).OfType<string>().Where(IsConfigName).Order(StringComparer.Ordinal)];

    /// <summary>A bare <c>*.yaml</c> or <c>*.yml</c> name that is not hidden: what the loader reads, and nothing else.</summary>
    public static bool IsConfigName(string name) =>
        name.Length is > 0 and <= 100 && Path.GetExtension(name) is ".yaml" or ".yml" && !name.StartsWith('.')
        && name.IndexOfAny(['/', '\\', '\0']) < 0 && name == Path.GetFileName(name);

    /// <exception cref="ConfigEditException">The name is not a config file name, or the file cannot be read.</exception>
    public ConfigFileVersion Read(string name)
    {
        if (!IsConfigName(name)) throw new ConfigEditException($"{Excerpt.Quote(name)} is not a config file name: expected a name such as rules.yaml in the config directory");
        var full = Path.Combine(Directory, name);
        if (!File.Exists(full)) return new(name, full, string.Empty, Hash([]), Exists: false);
        if (RegularFile.Refusal(full) is { } refusal) throw new ConfigEditException($"{name}: {refusal}");
        try
        {
            var bytes = File.ReadAllBytes(full);
            var version = new ConfigFileVersion(name, full, Utf8.GetString(bytes), Hash(bytes), Exists: true);
            _seen.Set(version.Hash, version.Text);
            return version;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new ConfigEditException($"{name}: cannot be read: {e.Message}");
        }
    }

    /// <summary>The text of a version read earlier, if it is still remembered.</summary>
    public string? Seen(string hash) => _seen.Get(hash);

    /// <summary>Whether the console may write here: false on a read-only mount, as in the container image.</summary>
    public bool Writable()
    {
        var probe = Path.Combine(Directory, $".aggregator-write-test-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose)) { }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Replaces the file with <paramref name="text"/> atomically, keeping its permissions.</summary>
    public void Write(ConfigFileVersion version, string text)
    {
        var temporary = Path.Combine(Directory, $".{version.Name}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, Utf8.GetBytes(text));
            if (version.Exists && !OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, File.GetUnixFileMode(version.FullPath));
            File.Move(temporary, version.FullPath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new ConfigEditException($"{version.Name}: cannot be written: {e.Message}");
        }
    }

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Hash(string text) => Hash(Utf8.GetBytes(text));
}
