using System.Text.Json;
using Aggregator.Core.Items;
using Microsoft.Data.Sqlite;

namespace Aggregator.Storage.Sqlite;

/// <summary>Writes to the <c>item_archive</c> table within a poll's commit (read by <see cref="StoredRows.ArchivedItem"/>).</summary>
internal sealed class SqliteItemArchive : IDisposable
{
    private readonly SqliteCommand _insert;
    private readonly Dictionary<string, ArchivedItem> _byKey;

    private SqliteItemArchive(SqliteCommand insert, PollArchive archive)
    {
        _insert = insert;
        _byKey = archive.Items.GroupBy(i => StoredText.Clean(i.Item.Key), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public static SqliteItemArchive Prepare(SqliteConnection connection, SqliteTransaction tx, PollArchive archive)
    {
        var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = $"""
            INSERT INTO item_archive ({StoredRows.ArchiveColumns})
            VALUES ($feed, $key, $seen, $baseline, $seenBefore, $published, $title, $link, $authors, $categories, $body, $rules)
            ON CONFLICT DO NOTHING
            """;
        return new SqliteItemArchive(insert, archive);
    }

    private readonly List<(string Key, ArchivedItem Item)> _recorded = [];

    /// <summary>Notes that the commit recorded <paramref name="storedKey"/> first: its item, if the poll archives it, is archived by <see cref="WriteAsync"/>.</summary>
    public void Recorded(string storedKey)
    {
        if (_byKey.Remove(storedKey, out var item)) _recorded.Add((storedKey, item));
    }

    /// <summary>
    /// Inserts the recorded items last to first: a feed lists its newest items first, and the cap per feed keeps the highest ids.
    /// </summary>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        for (var i = _recorded.Count - 1; i >= 0; i--) await InsertAsync(_recorded[i].Key, _recorded[i].Item, cancellationToken);
    }

    private async Task InsertAsync(string storedKey, ArchivedItem a, CancellationToken cancellationToken)
    {
        var p = _insert.Parameters;
        p.Clear();
        p.AddWithValue("$feed", a.FeedId);
        p.AddWithValue("$key", storedKey);
        p.AddWithValue("$seen", a.SeenAt.ToUnixTimeMilliseconds());
        p.AddWithValue("$baseline", a.Baseline);
        p.AddWithValue("$seenBefore", a.SeenBefore);
        p.AddWithValue("$published", SqliteValues.Ms(a.Item.Published ?? a.Item.Updated));
        p.AddWithValue("$title", StoredText.Clean(a.Item.Title));
        p.AddWithValue("$link", SqliteValues.Text(a.Item.Link));
        p.AddWithValue("$authors", JsonSerializer.Serialize(a.Item.Authors));
        p.AddWithValue("$categories", JsonSerializer.Serialize(a.Item.Categories));
        p.AddWithValue("$body", ArchivedText.Compress(a.Item.Summary, a.Item.Content));
        p.AddWithValue("$rules", JsonSerializer.Serialize(a.MatchedRuleIds));
        await _insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes the feed's items seen before <paramref name="keep"/> ago and those past the newest <see cref="PollArchive.KeptPerFeed"/>.</summary>
    public static async Task PruneAsync(SqliteConnection connection, SqliteTransaction tx, string feedId, TimeSpan keep, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var prune = connection.CreateCommand();
        prune.Transaction = tx;
        prune.CommandText = keep <= TimeSpan.Zero
            ? "DELETE FROM item_archive WHERE feed_id = $feed"
            : $"""
              DELETE FROM item_archive WHERE feed_id = $feed AND (seen_at < $cutoff OR id < (
                  SELECT id FROM item_archive WHERE feed_id = $feed ORDER BY id DESC LIMIT 1 OFFSET {PollArchive.KeptPerFeed - 1}))
              """;
        prune.Parameters.AddWithValue("$feed", feedId);
        prune.Parameters.AddWithValue("$cutoff", keep <= TimeSpan.Zero ? 0 : (now - keep).ToUnixTimeMilliseconds());
        await prune.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Dispose() => _insert.Dispose();
}
