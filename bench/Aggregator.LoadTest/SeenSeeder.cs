using System.Globalization;
using Aggregator.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Aggregator.LoadTest;

/// <summary>
/// Creates the store's schema the way the worker does, then inserts old seen keys spread over the feeds:
/// keys no feed carries any more, as a store holds after months of polling.
/// </summary>
internal static class SeenSeeder
{
    public static async Task SeedAsync(string databasePath, int feeds, int keys, CancellationToken cancellationToken)
    {
        var store = new SqliteStateStore($"Data Source={databasePath}", TimeProvider.System);
        await store.MigrateAsync(cancellationToken);
        if (keys <= 0) return;
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO seen_items (feed_id, item_key, seen_at) VALUES ($feed, $key, $at)";
        var feed = insert.Parameters.Add("$feed", SqliteType.Text);
        var key = insert.Parameters.Add("$key", SqliteType.Text);
        insert.Parameters.AddWithValue("$at", TimeProvider.System.GetUtcNow().AddDays(-30).ToUnixTimeMilliseconds());
        for (var i = 0; i < keys; i++)
        {
            var f = i % feeds;
            feed.Value = string.Create(CultureInfo.InvariantCulture, $"f{f}");
            // Shaped like real keys (a hash of the item's identity), so index pages hold as many as in production.
            key.Value = Convert.ToHexStringLower(BitConverter.GetBytes(((ulong)i * 0x9E3779B97F4A7C15UL) ^ (ulong)f)) + "0123456789abcdef0123456789abcdef0123456789abcdef";
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
    }
}
