using MimeKit;

namespace Aggregator.Delivery.Email;

/// <summary>
/// Writes messages as <c>&lt;id&gt;.eml</c> files when no SMTP host is configured. Each file is written under
/// a temporary name, flushed to disk, then renamed, and the rename is flushed too (the directory, on Unix):
/// only then does the caller mark the alert sent, so a power loss can repeat a message but never lose one
/// that was counted delivered. A reader never sees half a message; a resend replaces the file.
/// </summary>
internal static class PickupDirectory
{
    public static async Task WriteAsync(string directory, string messageId, MimeMessage message, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(directory);
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, $"{messageId}.eml");
        var temp = Path.Combine(folder, $".{messageId}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024, useAsync: true))
            {
                await message.WriteToAsync(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, target, overwrite: true);
            DirectorySync.Flush(folder);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
