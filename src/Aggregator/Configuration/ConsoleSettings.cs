using System.Net;
using YamlDotNet.RepresentationModel;

namespace Aggregator.Configuration;

/// <summary>Reads <c>settings.console</c>, whose <c>auth</c> and <c>archive</c> are mappings of their own.</summary>
internal static class ConsoleSettings
{
    /// <summary>The keys of the nested mappings, by path.</summary>
    internal static readonly Dictionary<string, string[]> NestedKeys = new(StringComparer.Ordinal)
    {
        ["settings.console.auth"] = ["mode", "token", "oidc", "proxy"],
        ["settings.console.auth.oidc"] = ["authority", "clientId", "clientSecret", "allow"],
        ["settings.console.auth.proxy"] = ["header", "trustedNetworks"],
        ["settings.console.archive"] = ["keep"],
    };

    private static readonly (TimeSpan Min, TimeSpan Max) ArchiveKeep = (TimeSpan.FromHours(1), TimeSpan.FromDays(365));

    public static ConsoleOptions Apply(ConsoleOptions o, string key, YamlNode v, string what, ConfigNodeReader r)
    {
        switch (key)
        {
            case "listen":
                if (r.Text(v, what) is not { } listen) return o;
                if (listen.Length > 0 && !ConsoleListen.TryParse(listen, out _))
                {
                    r.Error(v, $"invalid address {Excerpt.Quote(listen)} for {what}: expected address:port, e.g. 127.0.0.1:8080, [::1]:8080 or localhost:8080, or \"\" for off");
                    return o;
                }
                return o with { Listen = listen };
            case "configWrites":
                return r.Choice<ConfigWrites>(v, what) is { } writes ? o with { ConfigWrites = writes } : o;
            case "archive":
                return o with { Archive = ReadArchive(o.Archive, v, what, r) };
            default:
                return o with { Auth = ReadAuth(o.Auth, v, what, r) };
        }
    }

    /// <summary>Checks across keys: a console others can reach must ask who they are.</summary>
    public static void Check(ConsoleOptions console, Func<string, SourceLocation?> where, DiagnosticBag diagnostics)
    {
        if (!ConsoleListen.TryParse(console.Listen, out var endpoint)) return;
        var at = where("settings.console.auth") ?? where("settings.console.listen");
        if (at is null) return;
        switch (console.Auth.Mode)
        {
            case ConsoleAuthMode.None when !IPAddress.IsLoopback(endpoint.Address):
                diagnostics.Error(at.Value, $"settings.console.auth.mode none is allowed only on a loopback listener, not {console.Listen}: use token, oidc or proxy");
                break;
            case ConsoleAuthMode.Oidc when console.Auth.Oidc.Authority.Length == 0 || console.Auth.Oidc.ClientId.Length == 0:
                diagnostics.Error(at.Value, "settings.console.auth.mode oidc needs settings.console.auth.oidc.authority and clientId");
                break;
            case ConsoleAuthMode.Oidc when console.Auth.Oidc.Allow.Count == 0:
                diagnostics.Error(at.Value, "settings.console.auth.mode oidc needs settings.console.auth.oidc.allow: the emails or groups that may sign in");
                break;
            case ConsoleAuthMode.Proxy when console.Auth.Proxy.TrustedNetworks.Count == 0:
                diagnostics.Error(at.Value, "settings.console.auth.mode proxy needs settings.console.auth.proxy.trustedNetworks: the proxies allowed to set the header");
                break;
        }
    }

    private static ArchiveOptions ReadArchive(ArchiveOptions o, YamlNode v, string what, ConfigNodeReader r)
    {
        if (r.Mapping(v, what) is not { } mapping) return o;
        foreach (var (_, _, value) in r.Entries(mapping, what, NestedKeys[what]))
        {
            var path = $"{what}.keep";
            // "0" turns the archive off; anything else is a duration.
            if (value is YamlScalarNode { Value: "0" }) o = o with { Keep = TimeSpan.Zero };
            else if (r.Duration(value, path, ArchiveKeep) is { } keep) o = o with { Keep = keep };
        }
        return o;
    }

    private static ConsoleAuthOptions ReadAuth(ConsoleAuthOptions o, YamlNode v, string what, ConfigNodeReader r)
    {
        if (r.Mapping(v, what) is not { } mapping) return o;
        foreach (var (key, _, value) in r.Entries(mapping, what, NestedKeys[what]))
        {
            var path = $"{what}.{key}";
            o = key switch
            {
                "mode" => r.Choice<ConsoleAuthMode>(value, path) is { } mode ? o with { Mode = mode } : o,
                "token" => r.Text(value, path) is { } token ? o with { Token = token } : o,
                "oidc" => o with { Oidc = ReadOidc(o.Oidc, value, path, r) },
                _ => o with { Proxy = ReadProxy(o.Proxy, value, path, r) },
            };
        }
        return o;
    }

    private static OidcOptions ReadOidc(OidcOptions o, YamlNode v, string what, ConfigNodeReader r)
    {
        if (r.Mapping(v, what) is not { } mapping) return o;
        foreach (var (key, _, value) in r.Entries(mapping, what, NestedKeys[what]))
        {
            var path = $"{what}.{key}";
            if (key == "allow")
            {
                if (r.List(value, path) is not { } allow) continue;
                foreach (var entry in allow.Where(a => !a.Value.StartsWith("email:", StringComparison.Ordinal) && !a.Value.StartsWith("group:", StringComparison.Ordinal)))
                    r.Diagnostics.Error(entry.At, $"invalid entry {Excerpt.Quote(entry.Value)} in {path}: expected email:ADDRESS or group:NAME");
                o = o with { Allow = [.. allow.Select(a => a.Value)] };
                continue;
            }
            if (r.Text(value, path) is not { } text) continue;
            if (key == "authority" && text.Length > 0 && !IsAuthority(text))
            {
                r.Error(value, $"invalid URL {Excerpt.Quote(text)} for {path}: expected the identity provider's https URL (http only on a loopback address)");
                continue;
            }
            o = key switch
            {
                "authority" => o with { Authority = text },
                "clientId" => o with { ClientId = text },
                _ => o with { ClientSecret = text },
            };
        }
        return o;
    }

    private static bool IsAuthority(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)))));

    private static ProxyAuthOptions ReadProxy(ProxyAuthOptions o, YamlNode v, string what, ConfigNodeReader r)
    {
        if (r.Mapping(v, what) is not { } mapping) return o;
        foreach (var (key, _, value) in r.Entries(mapping, what, NestedKeys[what]))
        {
            var path = $"{what}.{key}";
            if (key == "header")
            {
                if (r.Text(value, path) is { Length: > 0 } header) o = o with { Header = header };
                continue;
            }
            if (r.List(value, path) is not { } items) continue;
            var networks = new List<IPNetwork>();
            foreach (var item in items)
            {
                if (Cidr.TryParse(item.Value, out var network, out var error)) networks.Add(network);
                else r.Diagnostics.Error(item.At, error);
            }
            o = o with { TrustedNetworks = networks };
        }
        return o;
    }
}
