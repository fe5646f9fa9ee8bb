using Aggregator.Configuration;
using Aggregator.Hosting;
using Aggregator.Pipeline;
using Aggregator.Storage;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Aggregator.Tests.Pipeline;

/// <summary>
/// The worker's real services (file feed, parser, SQLite store, rule index) without the scheduler, so a
/// test can drive polls one by one on a fake clock.
/// </summary>
internal sealed class PipelineHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private PipelineHarness(ServiceProvider services, TempDirectory dir, FakeTimeProvider time)
    {
        _services = services;
        Directory = dir;
        Time = time;
    }

    public TempDirectory Directory { get; }
    public FakeTimeProvider Time { get; }
    public FeedPoller Poller => _services.GetRequiredService<FeedPoller>();
    public IStateStore Store => _services.GetRequiredService<IStateStore>();
    public IServiceProvider Services => _services;

    /// <summary>Writes <paramref name="yaml"/> (feeds, rules, subscribers) beside a SQLite file and loads it.</summary>
    /// <param name="allowLoopback">Lets the SSRF guard through to the tests' loopback servers.</param>
    /// <param name="postgres">A PostgreSQL connection string to keep the state in instead of the SQLite file.</param>
    public static async Task<PipelineHarness> CreateAsync(TempDirectory dir, string yaml, CancellationToken cancellationToken, bool allowLoopback = true, string? postgres = null)
    {
        ArgumentNullException.ThrowIfNull(dir);
        dir.Write("config/settings.yaml", $"""
            settings:
              storage:
                provider: {(postgres is null ? "sqlite" : "postgres")}
                connectionString: "{postgres ?? $"Data Source={dir.Combine("state.db")}"}"
              network:
                allowedPrivateNetworks: [{(allowLoopback ? "\"127.0.0.0/8\"" : "")}]
            """);
        dir.Write("config/main.yaml", yaml);
        var loaded = new ConfigLoader().Load(dir.Combine("config"));
        loaded.Config.ShouldNotBeNull(string.Join('\n', loaded.Diagnostics));

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time).AddWorker(loaded.Config).BuildServiceProvider();
        var harness = new PipelineHarness(services, dir, time);
        await harness.Store.MigrateAsync(cancellationToken);
        return harness;
    }

    /// <summary>Every message due now, claimed (and so taken out of the pool for the lease).</summary>
    public Task<IReadOnlyList<OutboxMessage>> DueMessagesAsync(CancellationToken cancellationToken) =>
        Store.ClaimDueAsync(Time.GetUtcNow().AddYears(1), 1000, TimeSpan.FromMinutes(5), cancellationToken);

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
