using System.Globalization;

namespace Aggregator.Fetching;

/// <summary>
/// Reads a <c>file:</c> location (the config loader makes a relative feed path absolute) with the same
/// size cap as HTTP. The file's last write time and length act as an ETag, so an unchanged file is
/// reported as <see cref="FetchStatus.NotModified"/> and not parsed again.
/// </summary>
internal sealed class LocalFileReader(long maxBodySize)
{
    public async Task<FetchOutcome> ReadAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var location = request.Location;
        if (location.IsUnc) return Failed($"file locations on other hosts are not supported: {location}");
        var path = location.LocalPath;
        var info = new FileInfo(path);
        if (!info.Exists)
            return Failed(Directory.Exists(path) ? $"not a file but a directory: {path}" : $"file not found: {path}");

        var etag = Validator(info);
        var lastModified = info.LastWriteTimeUtc.ToString("R", CultureInfo.InvariantCulture);
        if (request.ETag == etag)
            return new FetchOutcome(FetchStatus.NotModified, ETag: etag, LastModified: lastModified, FinalLocation: location);
        if (info.Length > maxBodySize)
            return Failed($"file exceeds {SizeText.Format(maxBodySize)} ({info.Length} bytes): {path}");

        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true);
            await using (stream)
            {
                var body = await CappedBody.ReadAsync(stream, maxBodySize, info.Length, cancellationToken);
                return new FetchOutcome(FetchStatus.Ok, Body: body, ETag: etag, LastModified: lastModified, FinalLocation: location);
            }
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Failed($"file not found: {path}");
        }
        catch (UnauthorizedAccessException)
        {
            return Failed($"cannot read {path}: permission denied");
        }
        catch (BodyTooLargeException)
        {
            return Failed($"file exceeds {SizeText.Format(maxBodySize)}: {path}");
        }
        catch (IOException ex)
        {
            return Failed($"cannot read {path}: {FailureText.Quote(ex.Message)}");
        }
    }

    // Weak: equal bytes are likely, not certain, when time and length match.
    private static string Validator(FileInfo info) =>
        FormattableString.Invariant($"W/\"{info.LastWriteTimeUtc.Ticks:x}-{info.Length:x}\"");

    private static FetchOutcome Failed(string error) => new(FetchStatus.Failed, Error: error);
}
