using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Aggregator.Storage.Postgres;

/// <summary>How values are stored on PostgreSQL: times as <c>timestamptz</c>, text as <see cref="StoredText"/> keeps it.</summary>
internal static class PostgresValues
{
    /// <summary>A <c>timestamptz</c> parameter; Npgsql accepts only UTC offsets for it, so the value is converted first.</summary>
    public static void AddTime(NpgsqlParameterCollection parameters, string name, DateTimeOffset? time) =>
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = time is { } t ? t.ToUniversalTime() : DBNull.Value });

    /// <summary>A text parameter; the values come from feeds and their servers.</summary>
    public static void AddText(NpgsqlParameterCollection parameters, string name, string? text) =>
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = (object?)StoredText.Clean(text) ?? DBNull.Value });

    public static NpgsqlParameter<string[]> TextArray(string name, IEnumerable<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. values] };

    public static DateTimeOffset? ReadTime(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
}
