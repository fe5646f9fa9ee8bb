using MimeKit;

namespace Aggregator.Delivery.Email;

/// <summary>
/// Writes messages as <c>&lt;id&gt;.eml</c> files when no SMTP host is configured. Each file is written under
/// a temporary name and then renamed, so a reader never sees half a message; a resend replaces the file.
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
            }
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
