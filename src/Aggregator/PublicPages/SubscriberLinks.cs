using Aggregator.Configuration;
using Aggregator.Core.Links;

namespace Aggregator.PublicPages;

/// <summary>
/// The links messages carry to the public pages, sealed with <c>settings.public.linkSecret</c>. Null everywhere when
/// <c>settings.public.baseUrl</c> is empty: messages then carry no links and no <c>List-Unsubscribe</c>.
/// </summary>
internal sealed class SubscriberLinks(ActiveConfig config)
{
    private KeyedSeal? _seal;

    public bool Enabled => config.Current.Config.Settings.Public is { Enabled: true, LinkSecret.Length: > 0 };

    /// <summary>The host of <c>settings.public.baseUrl</c>, for <c>List-Id</c>; null without one.</summary>
    public string? Host => Uri.TryCreate(config.Current.Config.Settings.Public.BaseUrl, UriKind.Absolute, out var uri) ? uri.Host : null;

    /// <summary><c>settings.public.unsubscribeAddress</c>: a mailbox for unsubscribe requests by mail, or empty.</summary>
    public string UnsubscribeAddress => config.Current.Config.Settings.Public.UnsubscribeAddress;

    /// <summary>One-click unsubscribe of <paramref name="address"/> (null: the subscriber's webhook) from <paramref name="ruleId"/> (null: every rule).</summary>
    public Uri? Unsubscribe(string subscriberId, string? address, string? ruleId) =>
        Link("u", new LinkGrant(LinkKind.Unsubscribe, subscriberId, ruleId, address));

    public Uri? Preferences(string subscriberId, string? address) =>
        Link("s", new LinkGrant(LinkKind.Preferences, subscriberId, Address: address));

    public Uri? Alert(string subscriberId, string? address, string ruleId, string alertId, string? itemLink) =>
        Link("a", new LinkGrant(LinkKind.Alert, subscriberId, ruleId, address, alertId, itemLink));

    /// <summary>What a token grants, or null when it is not one of this deployment's.</summary>
    public LinkGrant? Open(string token) => SealFor(config.Current.Config.Settings.Public)?.Open(token);

    private Uri? Link(string page, LinkGrant grant)
    {
        var options = config.Current.Config.Settings.Public;
        return SealFor(options) is { } seal && options.Enabled ? new Uri($"{options.BaseUrl}/p/{page}/{seal.Seal(grant)}") : null;
    }

    private LinkSeal? SealFor(PublicOptions options)
    {
        if (options.LinkSecret.Length == 0) return null;
        // Deriving the keys costs two HKDF rounds: done once per secret, not once per link.
        if (Volatile.Read(ref _seal) is { } known && known.Secret == options.LinkSecret) return known.Seal;
        var seal = new LinkSeal(options.LinkSecret);
        Volatile.Write(ref _seal, new KeyedSeal(options.LinkSecret, seal));
        return seal;
    }

    private sealed record KeyedSeal(string Secret, LinkSeal Seal);
}
