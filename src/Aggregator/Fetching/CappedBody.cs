using System.Buffers;

namespace Aggregator.Fetching;

/// <summary>
/// Reads a stream to the end into memory, never holding more than the cap: a gzip bomb or an endless
/// body stops at <c>polling.maxBodySize</c> instead of exhausting memory.
/// </summary>
internal static class CappedBody
{
    private const int ChunkSize = 64 * 1024;

    /// <param name="lengthHint">Expected length (Content-Length, file size), only used to size the buffer.</param>
    /// <exception cref="BodyTooLargeException">The stream holds more than <paramref name="cap"/> bytes.</exception>
    public static async Task<byte[]> ReadAsync(Stream stream, long cap, long? lengthHint, CancellationToken cancellationToken)
    {
        var limit = Math.Min(cap, Array.MaxLength);
        var initial = (int)Math.Clamp(lengthHint ?? 0, 0, Math.Min(limit, 16L * 1024 * 1024));
        using var memory = new MemoryStream(initial);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken);
                if (read == 0) break;
                if (memory.Length + read > limit) throw new BodyTooLargeException($"body exceeds {SizeText.Format(cap)}");
                memory.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return memory.Length == memory.Capacity ? memory.GetBuffer() : memory.ToArray();
    }
}
