using Aggregator.Backtesting;
using Aggregator.Configuration;
using Aggregator.Delivery;
using Aggregator.Fetching;
using Aggregator.Health;
using Aggregator.Observability;
using Aggregator.OperatorConsole;
using Aggregator.Pipeline;
using Aggregator.PublicPages;
using Aggregator.Scheduling;
using Aggregator.Storage;
using Aggregator.Storage.Postgres;
using Aggregator.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Aggregator.Hosting;

/// <summary>The worker's services, in the order of the data path: fetch, parse, store, match, schedule, deliver.</summary>
internal static class WorkerServices
{
    public static IServiceCollection AddWorker(this IServiceCollection services, AggregatorConfig config)
    {
        // Tests register a fake clock first.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new ActiveConfig(ConfigSnapshot.Create(config)));
        // Hosted services start in registration order: the store is migrated and the feeds scheduled
        // before the relay, the reloader or Quartz's own hosted service run.
        if (config.Settings.Storage.Provider == StorageProvider.Sqlite)
        {
            services.AddSingleton<SqliteWorkerStart>();
            services.AddHostedService(sp => sp.GetRequiredService<SqliteWorkerStart>());
        }
        services.AddHostedService<StartupService>();
        // Follows reloads of the polling and network settings; `parse` and `test-rule` build a plain FeedFetcher.
        services.AddSingleton<IFeedFetcher, ReloadingFeedFetcher>();
        services.AddTelemetryExport(config.Settings.Telemetry);
        services.AddSingleton<FeedPoller>();
        services.AddSingleton<PollDispatcher>();
        if (config.Settings.Scheduler.Clustered)
        {
            services.AddSingleton(new PostgresScheduleLock(config.Settings.Storage.ConnectionString));
            services.AddSingleton<IFeedSchedule, SharedFeedSchedule>();
            services.AddSingleton<SharedScheduleClaimer>();
            // Stops after the dispatcher, to hand back the claims of the polls it abandoned.
            services.AddHostedService(sp => sp.GetRequiredService<SharedScheduleClaimer>());
        }
        else
        {
            services.AddSingleton<NodeFeedSchedule>();
            services.AddSingleton<IFeedSchedule>(sp => sp.GetRequiredService<NodeFeedSchedule>());
        }
        // Stops after Quartz (hosted services stop in reverse order): nothing hands it a poll once it drains.
        services.AddHostedService(sp => sp.GetRequiredService<PollDispatcher>());

        services.AddStore(config.Settings.Storage);
        services.AddBacktesting();
        services.AddDelivery(RelayLease.FromEnvironment() is { } lease ? RelayTimings.ForLease(lease) : RelayTimings.Default);

        services.AddSingleton<ConfigReloadService>();
        services.AddHostedService(sp => sp.GetRequiredService<ConfigReloadService>());
        services.AddQuartz(q =>
        {
            NodeScheduler.Configure(q, config.Settings);
            // Its jobs only hand polls to the dispatcher: a few threads are plenty.
            q.UseDefaultThreadPool(tp => tp.MaxConcurrency = 4);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton(new HeartbeatFile(Heartbeat.PathFromEnvironment()));
        services.AddSingleton<GaugeRefresh>();
        services.AddHostedService<HeartbeatService>();
        // Last, so the console opens on a worker that is already polling and delivering.
        services.AddHostedService<ConsoleServer>();
        services.AddHostedService<PublicServer>();
        return services;
    }

    public static IServiceCollection AddStore(this IServiceCollection services, StorageOptions storage) => storage.Provider switch
    {
        StorageProvider.Sqlite => services.AddSqliteStore(storage.ConnectionString),
        StorageProvider.Postgres => services.AddPostgresStore(storage.ConnectionString),
        _ => throw new NotSupportedException($"storage provider {storage.Provider} is not available in this build"),
    };
}
