using System.Text.Json;
using Aggregator.Core.Items;
using Npgsql;
using NpgsqlTypes;

namespace Aggregator.Storage.Postgres;

/// <summary>Writes to the <c>item_archive</c> table within a poll's commit (read by <see cref="StoredRows.ArchivedItem"/>).</summary>
internal static class PostgresItemArchive
{
    /// <summary>
    /// The inserts of the items whose keys the commit recorded first (<paramref name="recorded"/>, stored forms), last to first:
    /// a feed lists its newest items first, and the cap per feed keeps the highest ids.
    /// </summary>
    public static IEnumerable<NpgsqlBatchCommand> Insert(PollArchive archive, IReadOnlySet<string> recorded)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in archive.Items.Where(a => recorded.Contains(StoredText.Clean(a.Item.Key)) && seen.Add(StoredText.Clean(a.Item.Key))).Reverse())
        {
            var command = new NpgsqlBatchCommand($"""
                INSERT INTO item_archive ({StoredRows.ArchiveColumns})
                VALUES (@feed, @key, @seen, @baseline, @seenBefore, @published, @title, @link, @authors, @categories, @body, @rules)
                ON CONFLICT DO NOTHING
                """);
            var p = command.Parameters;
            p.AddWithValue("feed", a.FeedId);
            PostgresValues.AddText(p, "key", a.Item.Key);
            PostgresValues.AddTime(p, "seen", a.SeenAt);
            p.AddWithValue("baseline", a.Baseline);
            p.AddWithValue("seenBefore", a.SeenBefore);
            PostgresValues.AddTime(p, "published", a.Item.Published ?? a.Item.Updated);
            PostgresValues.AddText(p, "title", a.Item.Title);
            PostgresValues.AddText(p, "link", a.Item.Link);
            p.AddWithValue("authors", JsonSerializer.Serialize(a.Item.Authors));
            p.AddWithValue("categories", JsonSerializer.Serialize(a.Item.Categories));
            p.Add(new NpgsqlParameter<byte[]>("body", NpgsqlDbType.Bytea) { TypedValue = ArchivedText.Compress(a.Item.Summary, a.Item.Content) });
            p.AddWithValue("rules", JsonSerializer.Serialize(a.MatchedRuleIds));
            yield return command;
        }
    }

    /// <summary>Deletes the feed's items seen before <paramref name="keep"/> ago and those past the newest <see cref="PollArchive.KeptPerFeed"/>.</summary>
    public static NpgsqlBatchCommand Prune(string feedId, TimeSpan keep, DateTimeOffset now)
    {
        var command = new NpgsqlBatchCommand(keep <= TimeSpan.Zero
            ? "DELETE FROM item_archive WHERE feed_id = @feed"
            : $"""
              DELETE FROM item_archive WHERE feed_id = @feed AND (seen_at < @cutoff OR id < (
                  SELECT id FROM item_archive WHERE feed_id = @feed ORDER BY id DESC LIMIT 1 OFFSET {PollArchive.KeptPerFeed - 1}))
              """);
        command.Parameters.AddWithValue("feed", feedId);
        if (keep > TimeSpan.Zero) PostgresValues.AddTime(command.Parameters, "cutoff", now - keep);
        return command;
    }
}
