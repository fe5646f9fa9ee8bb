using Aggregator.Storage;
using Npgsql;

namespace Aggregator.Tests.Storage;

/// <summary>A node's PostgreSQL pool: a handful of connections and no reset statement, unless the operator's connection string says otherwise.</summary>
public sealed class PooledConnectionStringTests
{
    [Fact]
    public void A_plain_connection_string_gets_a_small_pool_without_reset_on_close()
    {
        var pooled = new NpgsqlConnectionStringBuilder(StorageServiceCollectionExtensions.PooledConnectionString("Host=db;Database=aggregator;Username=a"));
        pooled.MaxPoolSize.ShouldBe(StorageServiceCollectionExtensions.DefaultMaxPoolSize);
        pooled.NoResetOnClose.ShouldBeTrue();
        pooled.Host.ShouldBe("db");
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=50", 50)]
    [InlineData("Host=db;maximum pool size=7", 7)]
    [InlineData("Host=db;MaxPoolSize=100", 100)]
    public void The_operators_pool_size_stands(string connectionString, int expected) =>
        new NpgsqlConnectionStringBuilder(StorageServiceCollectionExtensions.PooledConnectionString(connectionString)).MaxPoolSize.ShouldBe(expected);

    [Fact]
    public void The_operators_reset_choice_stands() =>
        new NpgsqlConnectionStringBuilder(StorageServiceCollectionExtensions.PooledConnectionString("Host=db;No Reset On Close=false")).NoResetOnClose.ShouldBeFalse();
}
