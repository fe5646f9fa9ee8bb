namespace Aggregator.Configuration;

internal sealed record StorageOptions
{
    public StorageProvider Provider { get; init; } = StorageProvider.Sqlite;

    /// <summary>For SQLite a relative <c>Data Source</c> is relative to the working directory.</summary>
    public string ConnectionString { get; init; } = "Data Source=data/aggregator.db";
}

internal enum StorageProvider
{
    Sqlite,
    Postgres,
}
