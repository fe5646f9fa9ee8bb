using System.Threading.RateLimiting;
using Aggregator.ConfigEditing;
using Aggregator.Configuration;
using Aggregator.Delivery;
using Aggregator.Health;
using Aggregator.Hosting;
using Aggregator.Scheduling;
using Aggregator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aggregator.OperatorConsole;

/// <summary>
/// The operator console, served by <c>run</c> in the worker's process so that SQLite keeps one owner and the
/// console acts on the live worker (its config in force, its scheduler, its relay). It is a web application
/// of its own, built from nothing: Kestrel listens on <c>settings.console.listen</c> only, and no
/// <c>ASPNETCORE_*</c> variable or settings file can add an address. Off when <c>listen</c> is empty.
/// </summary>
internal sealed class ConsoleServer(IServiceProvider worker, ActiveConfig config, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<ConsoleServer>();
    private WebApplication? _app;

    /// <summary>Listening is a method of its own so that a worker with the listener off never loads the web stack.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = config.Current.Config.Settings.Console;
        return ConsoleListen.TryParse(options.Listen, out var endpoint) ? ListenAsync(options, endpoint, cancellationToken) : Task.CompletedTask;
    }

    private async Task ListenAsync(ConsoleOptions options, System.Net.IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        var builder = WebListener.Builder(endpoint, loggers);
        var services = builder.Services;
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "aggregator-console-form";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        });
        // Sessions and form tokens survive a restart: their keys are kept beside the worker's other state.
        var keys = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(worker.GetRequiredService<HeartbeatFile>().Path)) ?? ".", "keys");
        services.AddDataProtection().SetApplicationName("aggregator-console").PersistKeysToFileSystem(new DirectoryInfo(keys));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(ConsoleEndpoints.SignInLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        ConsoleAuth.Add(services, options.Auth);
        var token = new SignInToken(options.Auth.Token);
        services.AddSingleton(token);
        services.AddSingleton(config);
        services.AddSingleton(worker.GetRequiredService<TimeProvider>());
        services.AddSingleton(worker.GetRequiredService<IStatusStore>());
        services.AddSingleton(worker.GetRequiredService<IOutbox>());
        services.AddSingleton(worker.GetRequiredService<IPollStore>());
        services.AddSingleton(worker.GetRequiredService<IItemArchive>());
        services.AddSingleton(worker.GetRequiredService<IConsoleStore>());
        services.AddSingleton(worker.GetRequiredService<ISubscriberChoices>());
        services.AddSingleton<ISubscriberChoiceReads>(sp => sp.GetRequiredService<ISubscriberChoices>());
        services.AddSingleton(worker.GetRequiredService<IFeedSchedule>());
        services.AddSingleton(worker.GetRequiredService<ConfigReloadService>());
        services.AddSingleton(worker.GetRequiredService<HeartbeatFile>());
        services.AddSingleton(worker.GetRequiredService<RelaySignal>());
        services.AddSingleton(worker.GetRequiredService<Backtesting.Backtester>());
        services.AddSingleton(worker.GetRequiredService<Backtesting.Explainer>());
        services.AddSingleton<ConsoleData>();
        services.AddHealthChecks()
            .AddHeartbeatChecks(worker.GetRequiredService<HeartbeatFile>().Path, inWorker: true)
            .AddCheck<StoreCheck>("store", tags: [WorkerHealthChecks.Ready]);
        services.AddSingleton(new ConfigFiles(config.Current.Config.Directory));
        services.AddSingleton<ConfigEditor>();
        services.AddSingleton<ConsoleChanges>();
        services.AddSingleton<EditingData>();
        services.AddSingleton<ImportData>();
        services.AddSingleton<ChoicesData>();

        var app = builder.Build();
        app.Use(SecurityHeaders.AddAsync);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        ConsoleEndpoints.Map(app);
        EditingEndpoints.Map(app);
        if (await WebListener.StartAsync(app, endpoint, "Console", _logger, cancellationToken) is not { } bound) return;
        _app = app;
        // The link first: whoever waits for the "listening" line (a script, a test) then has it already.
        if (token.OneTime is { } once && options.Auth.Mode == ConsoleAuthMode.Token) LogSignInLink(bound, once);
        _logger.LogInformation("Console listening on {ConsoleUrl} (sign-in: {AuthMode})", bound, options.Auth.Mode.ToString().ToLowerInvariant());
        token.Renewed += next => LogSignInLink(bound, next);
    }

    private void LogSignInLink(Uri console, string token) =>
        _logger.LogWarning("Console sign-in link (works once; settings.console.auth.token sets a lasting passphrase): {SignInLink}",
            new Uri(console, $"/signin?token={token}"));

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
