using NpgsqlTypes;

namespace Aggregator.Storage.Postgres;

internal sealed partial class PostgresStateStore
{
    public async Task<IReadOnlyList<Core.Items.ArchivedItem>> ListArchivedAsync(ArchiveQuery query, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"""
            SELECT {StoredRows.ArchiveColumns} FROM item_archive
            WHERE (@since::timestamptz IS NULL OR seen_at >= @since) AND (@feeds::text[] IS NULL OR feed_id = ANY(@feeds))
            ORDER BY id DESC LIMIT @limit
            """);
        PostgresValues.AddTime(command.Parameters, "since", query.Since);
        command.Parameters.Add(new Npgsql.NpgsqlParameter("feeds", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (object?)query.FeedIds?.ToArray() ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", query.Limit);
        return await StoredRows.ArchivedItemsAsync(command, PostgresValues.ReadTime, cancellationToken);
    }

    /// <summary>A scan of the archive (at most a few hundred items per feed): an explanation is asked for rarely.</summary>
    public async Task<IReadOnlyList<Core.Items.ArchivedItem>> FindArchivedAsync(string keyOrLink, string? feedId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"""
            SELECT {StoredRows.ArchiveColumns} FROM item_archive
            WHERE (item_key = @x OR link = @x) AND (@feed::text IS NULL OR feed_id = @feed) ORDER BY id DESC LIMIT 20
            """);
        PostgresValues.AddText(command.Parameters, "x", keyOrLink);
        PostgresValues.AddText(command.Parameters, "feed", feedId);
        return await StoredRows.ArchivedItemsAsync(command, PostgresValues.ReadTime, cancellationToken);
    }

    public async Task<IReadOnlyList<DeliveryRecord>> ListDeliveriesOfAlertsAsync(IReadOnlyCollection<string> alertIds, CancellationToken cancellationToken)
    {
        if (alertIds.Count == 0) return [];
        await using var command = _dataSource.CreateCommand($"SELECT {StoredRows.DeliveryColumns} FROM outbox WHERE alert_id = ANY(@ids) ORDER BY id DESC");
        command.Parameters.Add(PostgresValues.TextArray("ids", alertIds));
        return await StoredRows.ListAsync(command, r => StoredRows.DeliveryRecord(r, PostgresValues.ReadTime), cancellationToken);
    }
}
