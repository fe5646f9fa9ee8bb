using System.Data.Common;

namespace Aggregator.Storage.Sqlite;

/// <summary>How values are stored on SQLite: times as unix milliseconds, text as <see cref="StoredText"/> keeps it.</summary>
internal static class SqliteValues
{
    /// <summary>A text parameter value; the values come from feeds and their servers.</summary>
    public static object Text(string? text) => (object?)StoredText.Clean(text) ?? DBNull.Value;

    public static object Ms(DateTimeOffset? time) => time is { } t ? t.ToUnixTimeMilliseconds() : DBNull.Value;

    public static DateTimeOffset? ReadTime(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(i));
}
