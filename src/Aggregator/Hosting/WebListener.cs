using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aggregator.Hosting;

/// <summary>
/// A web application inside the worker (the console, the subscriber pages), built from nothing: Kestrel listens on
/// the one address given, and no <c>ASPNETCORE_*</c> variable or settings file can add another. Pages are Razor
/// components rendered on the server.
/// </summary>
internal static class WebListener
{
    public static WebApplicationBuilder Builder(IPEndPoint endpoint, ILoggerFactory loggers, long? maxRequestBodySize = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            if (maxRequestBodySize is { } max) k.Limits.MaxRequestBodySize = max;
            k.Listen(endpoint);
        });
        builder.Services.AddSingleton(loggers);
        builder.Services.AddLogging();
        builder.Services.AddRouting();
        builder.Services.AddRazorComponents();
        return builder;
    }

    /// <summary>
    /// Starts <paramref name="app"/> and returns the address it answers on (the system's port when 0 was asked for);
    /// null, with an error logged and the app disposed, when the address cannot be bound: the worker's job is alerting,
    /// so it goes on without the pages.
    /// </summary>
    public static async Task<Uri?> StartAsync(WebApplication app, IPEndPoint endpoint, string what, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            logger.LogError("{Pages} not started: cannot listen on {Listen}: {Error}; the worker runs without them", what, endpoint, ex.Message);
            await app.DisposeAsync();
            return null;
        }
        return app.Urls.Select(u => new Uri(u)).FirstOrDefault() ?? new Uri($"http://{endpoint}/");
    }

    /// <summary>A page: the Razor component <typeparamref name="T"/> rendered on the server with its parameters.</summary>
    public static RazorComponentResult<T> Page<T>(Dictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        new(parameters) { StatusCode = status };
}
