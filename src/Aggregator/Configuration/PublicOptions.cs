namespace Aggregator.Configuration;

/// <summary>
/// <c>settings.public</c>: the pages subscribers reach from their alerts (unsubscribe, preferences, why this
/// alert), on a listener of their own, apart from the operator console. Off when <see cref="BaseUrl"/> is empty:
/// messages then carry no links and no <c>List-Unsubscribe</c>. The listener takes effect at restart.
/// </summary>
internal sealed record PublicOptions
{
    /// <summary>The https address subscribers reach (through the operator's proxy); links in messages start with it.</summary>
    public string BaseUrl { get; init; } = string.Empty;

    /// <summary><c>address:port</c> the public pages are served on; empty: not served by this process.</summary>
    public string Listen { get; init; } = string.Empty;

    /// <summary>The key links are sealed with; at least <see cref="PublicSettings.MinSecretBytes"/> bytes.</summary>
    public string LinkSecret { get; init; } = string.Empty;

    /// <summary>An address whose mailbox takes unsubscribe requests by mail, offered as <c>mailto:</c> in <c>List-Unsubscribe</c>; empty: none.</summary>
    public string UnsubscribeAddress { get; init; } = string.Empty;

    public bool Enabled => BaseUrl.Length > 0;
}
