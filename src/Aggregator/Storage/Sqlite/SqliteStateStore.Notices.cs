using Microsoft.Data.Sqlite;

namespace Aggregator.Storage.Sqlite;

internal sealed partial class SqliteStateStore
{
    public async Task<int> EnqueueAsync(IReadOnlyList<OutboxDraft> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var queued = 0;
        foreach (var draft in messages)
            queued += await SqliteOutbox.InsertAsync(connection, tx, draft, now, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return queued;
    }
}
