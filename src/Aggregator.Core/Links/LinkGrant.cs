namespace Aggregator.Core.Links;

/// <summary>What a subscriber link lets whoever holds it do.</summary>
public enum LinkKind
{
    /// <summary>Unsubscribe <see cref="LinkGrant.Address"/> from <see cref="LinkGrant.RuleId"/> (every rule when null).</summary>
    Unsubscribe,

    /// <summary>See and change the subscriber's choices.</summary>
    Preferences,

    /// <summary>See why one alert was sent, and answer it: not relevant, mute its story, pause.</summary>
    Alert,
}

/// <summary>The content of a subscriber link, sealed inside it by <see cref="LinkSeal"/>.</summary>
public sealed record LinkGrant(LinkKind Kind, string SubscriberId, string? RuleId = null, string? Address = null, string? AlertId = null, string? ItemLink = null);
