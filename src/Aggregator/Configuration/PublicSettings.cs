using System.Net;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace Aggregator.Configuration;

/// <summary>Reads <c>settings.public</c> and checks it against the rest of the settings.</summary>
internal static class PublicSettings
{
    /// <summary>An HMAC key shorter than its hash's block of entropy is guessable; 32 bytes is SHA-256's size.</summary>
    public const int MinSecretBytes = 32;

    public static PublicOptions Apply(PublicOptions o, string key, YamlNode v, string what, ConfigNodeReader r)
    {
        if (r.Text(v, what) is not { } text) return o;
        switch (key)
        {
            case "baseUrl":
                if (text.Length > 0 && !IsBaseUrl(text))
                {
                    r.Error(v, $"invalid URL {Excerpt.Quote(text)} for {what}: expected the https address subscribers reach (http only on a loopback address), or \"\" for off");
                    return o;
                }
                return o with { BaseUrl = text.TrimEnd('/') };
            case "listen":
                if (text.Length > 0 && !ConsoleListen.TryParse(text, out _))
                {
                    r.Error(v, $"invalid address {Excerpt.Quote(text)} for {what}: expected address:port, e.g. 127.0.0.1:8081, or \"\" for off");
                    return o;
                }
                return o with { Listen = text };
            case "linkSecret":
                if (text.Length > 0 && Encoding.UTF8.GetByteCount(text) < MinSecretBytes)
                {
                    // The value itself is never echoed: it is a secret.
                    r.Error(v, $"{what} is {Encoding.UTF8.GetByteCount(text)} bytes; it needs at least {MinSecretBytes} random bytes (e.g. openssl rand -base64 48)");
                    return o;
                }
                return o with { LinkSecret = text };
            default:
                if (text.Length > 0 && !MailAddresses.IsValid(text))
                {
                    r.Error(v, $"invalid email address {Excerpt.Quote(text)} for {what}");
                    return o;
                }
                return o with { UnsubscribeAddress = text };
        }
    }

    /// <summary>Checks across keys: links need a key to seal them, and mail without one-click unsubscribe is flagged.</summary>
    public static void Check(SettingsOptions s, Func<string, SourceLocation?> where, DiagnosticBag diagnostics)
    {
        if (s.Public.Enabled && s.Public.LinkSecret.Length == 0 && where("settings.public.baseUrl") is { } baseAt)
            diagnostics.Error(baseAt, "settings.public.baseUrl needs settings.public.linkSecret: at least 32 random bytes, e.g. ${AGGREGATOR_LINK_SECRET}");
        if (s.Smtp.Host.Length > 0 && !s.Public.Enabled && where("settings.smtp.host") is { } hostAt)
            diagnostics.Warning(hostAt, "settings.smtp.host is set without settings.public.baseUrl: mail goes out with no one-click unsubscribe (Gmail and Yahoo require it of bulk senders)");
    }

    private static bool IsBaseUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Query.Length == 0 && uri.Fragment.Length == 0
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)))));
}
