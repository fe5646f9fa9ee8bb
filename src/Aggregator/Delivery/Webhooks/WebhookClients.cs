using Aggregator.Configuration;
using Aggregator.Network;

namespace Aggregator.Delivery.Webhooks;

/// <summary>
/// The HTTP client webhooks are POSTed through: always the guarded handler of the network policy in force,
/// redirects never followed. A reload that changes <c>network</c> builds a new client and connection pool, so
/// no connection opened under a looser policy is used again; a batch already sending finishes on the client
/// it started with.
/// </summary>
internal sealed class WebhookClients : IDisposable
{
    private readonly ReplaceableResource<HttpClient> _clients;
    private readonly object _apply = new();
    private NetworkOptions _network;

    public WebhookClients(ActiveConfig active)
    {
        _network = active.Current.Config.Settings.Network;
        _clients = new ReplaceableResource<HttpClient>(Build(_network));
        active.Changed += next => Apply(next.Config.Settings.Network);
    }

    public ReplaceableResource<HttpClient>.Lease Acquire() => _clients.Acquire();

    public void Dispose() => _clients.Dispose();

    private void Apply(NetworkOptions network)
    {
        lock (_apply)
        {
            if (_network == network) return;
            _network = network;
            _clients.Replace(Build(network));
        }
    }

    private static HttpClient Build(NetworkOptions network) =>
        // Each attempt has its own deadline (WebhookChannel.AttemptTimeout).
        GuardedHttpHandler.CreateClient(new NetworkPolicy(network));
}
