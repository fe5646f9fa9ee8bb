namespace Aggregator.Storage.Sqlite;

internal sealed partial class SqliteStateStore
{
    public async Task<IReadOnlyList<Core.Items.ArchivedItem>> ListArchivedAsync(ArchiveQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {StoredRows.ArchiveColumns} FROM item_archive
            WHERE ($since IS NULL OR seen_at >= $since) AND ($feeds IS NULL OR feed_id IN (SELECT value FROM json_each($feeds)))
            ORDER BY id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$since", SqliteValues.Ms(query.Since));
        command.Parameters.AddWithValue("$feeds", query.FeedIds is { } feeds ? System.Text.Json.JsonSerializer.Serialize(feeds) : DBNull.Value);
        command.Parameters.AddWithValue("$limit", query.Limit);
        return await StoredRows.ArchivedItemsAsync(command, SqliteValues.ReadTime, cancellationToken);
    }

    /// <summary>A scan of the archive (at most a few hundred items per feed): an explanation is asked for rarely.</summary>
    public async Task<IReadOnlyList<Core.Items.ArchivedItem>> FindArchivedAsync(string keyOrLink, string? feedId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {StoredRows.ArchiveColumns} FROM item_archive
            WHERE (item_key = $x OR link = $x) AND ($feed IS NULL OR feed_id = $feed) ORDER BY id DESC LIMIT 20
            """;
        command.Parameters.AddWithValue("$x", StoredText.Clean(keyOrLink));
        command.Parameters.AddWithValue("$feed", SqliteValues.Text(feedId));
        return await StoredRows.ArchivedItemsAsync(command, SqliteValues.ReadTime, cancellationToken);
    }

    public async Task<IReadOnlyList<DeliveryRecord>> ListDeliveriesOfAlertsAsync(IReadOnlyCollection<string> alertIds, CancellationToken cancellationToken)
    {
        if (alertIds.Count == 0) return [];
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredRows.DeliveryColumns} FROM outbox WHERE alert_id IN (SELECT value FROM json_each($ids)) ORDER BY id DESC";
        command.Parameters.AddWithValue("$ids", System.Text.Json.JsonSerializer.Serialize(alertIds));
        return await StoredRows.ListAsync(command, r => StoredRows.DeliveryRecord(r, SqliteValues.ReadTime), cancellationToken);
    }
}
