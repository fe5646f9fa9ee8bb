using Aggregator.Configuration;
using Aggregator.Fetching;
using Aggregator.Runtime;

namespace Aggregator.Delivery.Webhooks;

/// <summary>
/// The HTTP client webhooks are POSTed through: the guarded handler when a network policy is known (redirects
/// never followed either way). In the worker the client follows reloads: a change to <c>network</c> builds a
/// new client and connection pool, so no connection opened under a looser policy is used again; a batch
/// already sending finishes on the client it started with.
/// </summary>
internal sealed class WebhookClients : IDisposable
{
    private readonly Generations<HttpClient> _clients;
    private readonly object _apply = new();
    private NetworkOptions? _network;

    /// <summary>A fixed policy; without one (tools and tests that register none), no guard and still no redirects.</summary>
    public WebhookClients(NetworkOptions? network)
    {
        _network = network;
        _clients = new Generations<HttpClient>(Build(network));
    }

    /// <summary>The worker's clients: the policy in force, replaced when a reload changes it.</summary>
    public WebhookClients(ActiveConfig active)
        : this((active ?? throw new ArgumentNullException(nameof(active))).Current.Config.Settings.Network) =>
        active.Changed += next => Apply(next.Config.Settings.Network);

    public Generations<HttpClient>.Lease Acquire() => _clients.Acquire();

    public void Dispose() => _clients.Dispose();

    private void Apply(NetworkOptions network)
    {
        lock (_apply)
        {
            if (_network is not null && _network.SamePolicyAs(network)) return;
            _network = network;
            _clients.Replace(Build(network));
        }
    }

    private static HttpClient Build(NetworkOptions? network)
    {
        HttpMessageHandler handler = network is null
            ? new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }
            : GuardedHttpHandler.Create(new NetworkPolicy(network));
        // Each attempt has its own deadline (WebhookChannel.AttemptTimeout).
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
