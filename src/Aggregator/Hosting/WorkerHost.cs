using Aggregator.Configuration;
using Aggregator.Observability;
using Aggregator.Storage;
using Aggregator.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Aggregator.Hosting;

/// <summary>Builds the Generic Host that <c>run</c> runs: logging, systemd integration, and every service of the worker.</summary>
internal static class WorkerHost
{
    /// <param name="configure">Last word on the services, for tests (a fake clock, a test port).</param>
    public static IHost Build(AggregatorConfig config, string[] args, Action<IServiceCollection>? configure = null)
    {
        // The host's own settings files (appsettings.json) are read once: watching them for changes would watch the whole
        // working directory, and with it every state write and mail file under data/.
        var hostSettings = new ConfigurationManager();
        hostSettings.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = Directory.GetCurrentDirectory(),
            Configuration = hostSettings,
        });

        builder.Services.AddSystemd();
        builder.Logging.ClearProviders();
        if (config.Settings.Telemetry.LogFormat == LogFormat.Json)
        {
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }
        else
        {
            builder.Logging.AddConsole()
                .AddConsoleFormatter<OneLineConsoleFormatter, OneLineConsoleFormatter.Options>(o => o.Systemd = SystemdHelpers.IsSystemdService());
        }
        // Under systemd, AddSystemd picks its own formatter; the operator's logFormat has the last word, whatever the order.
        var formatter = config.Settings.Telemetry.LogFormat == LogFormat.Json ? ConsoleFormatterNames.Json : OneLineConsoleFormatter.FormatterName;
        builder.Services.PostConfigure<ConsoleLoggerOptions>(o => o.FormatterName = formatter);
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        // The console's requests are not the worker's news; its own log lines say what matters.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.Services.AddWorker(config);
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>
    /// Takes and migrates the state before the host starts, so that a state that cannot be used is reported by the
    /// caller as one line (<see cref="StateInUseException"/>, <see cref="StateUnavailableException"/>), not logged by
    /// the host with a stack trace. The host's own start then finds the work done.
    /// </summary>
    public static async Task OpenStateAsync(IHost host, CancellationToken cancellationToken)
    {
        if (host.Services.GetService<SqliteWorkerStart>() is { } sqlite) await sqlite.StartAsync(cancellationToken);
        else await host.Services.GetRequiredService<IStateStore>().MigrateAsync(cancellationToken);
    }
}
