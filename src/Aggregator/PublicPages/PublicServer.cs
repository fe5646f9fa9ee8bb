using System.Threading.RateLimiting;
using Aggregator.Configuration;
using Aggregator.Hosting;
using Aggregator.OperatorConsole;
using Aggregator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aggregator.PublicPages;

/// <summary>
/// The subscriber pages, served by <c>run</c> on <c>settings.public.listen</c>: a listener of its own, so the console
/// can stay on a private address while these face the internet through the operator's proxy. Built from nothing like
/// the console: Kestrel listens on that address only. Off when <c>listen</c> is empty.
/// </summary>
internal sealed class PublicServer(IServiceProvider worker, ActiveConfig config, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<PublicServer>();
    private WebApplication? _app;

    /// <summary>Listening is a method of its own so that a worker with the listener off never loads the web stack.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = config.Current.Config.Settings.Public;
        return ConsoleListen.TryParse(options.Listen, out var endpoint) ? ListenAsync(options, endpoint, cancellationToken) : Task.CompletedTask;
    }

    private async Task ListenAsync(PublicOptions options, System.Net.IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        var builder = WebListener.Builder(endpoint, loggers, maxRequestBodySize: 64 * 1024);
        var services = builder.Services;
        // A link is a capability: guessing is hopeless (it is sealed), but a flood of posts is still refused.
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 120, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        services.AddSingleton(config);
        services.AddSingleton(worker.GetRequiredService<TimeProvider>());
        services.AddSingleton(worker.GetRequiredService<SubscriberLinks>());
        services.AddSingleton(worker.GetRequiredService<ISubscriberChoices>());
        services.AddSingleton<SubscriberPages>();

        var app = builder.Build();
        app.Use(SecurityHeaders.AddAsync);
        app.UseRateLimiter();
        PublicEndpoints.Map(app);
        if (await WebListener.StartAsync(app, endpoint, "Subscriber pages", _logger, cancellationToken) is not { } bound) return;
        _app = app;
        _logger.LogInformation("Subscriber pages listening on {PublicUrl} (links start with {PublicBaseUrl})", bound, options.BaseUrl);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
