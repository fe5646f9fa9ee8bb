using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Aggregator.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aggregator.OperatorConsole;

/// <summary>
/// Who may use the console. <c>token</c>: a passphrase posted to <c>/signin</c>, then a cookie session;
/// <c>oidc</c>: the identity provider's code flow with PKCE (<see cref="OidcSignIn"/>), then a cookie session;
/// <c>proxy</c>: a header set by a reverse proxy, believed only from its networks; <c>none</c>: anyone who can
/// reach a loopback listener (the loader refuses it elsewhere). Pages without a session go to <c>/signin</c>,
/// <c>/api/</c> answers 401.
/// </summary>
internal static class ConsoleAuth
{
    public const string CookieName = "aggregator-console";

    public static void Add(IServiceCollection services, ConsoleAuthOptions auth)
    {
        var builder = auth.Mode switch
        {
            ConsoleAuthMode.Proxy => services.AddAuthentication(ProxyHeaderHandler.Name)
                .AddScheme<ProxyHeaderOptions, ProxyHeaderHandler>(ProxyHeaderHandler.Name, o => o.Proxy = auth.Proxy),
            ConsoleAuthMode.None => services.AddAuthentication(LoopbackHandler.Name)
                .AddScheme<AuthenticationSchemeOptions, LoopbackHandler>(LoopbackHandler.Name, _ => { }),
            ConsoleAuthMode.Oidc => services.AddAuthentication(o =>
                {
                    o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                    o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
                })
                .AddOpenIdConnect(o => OidcSignIn.Configure(o, auth.Oidc)),
            _ => services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme),
        };
        builder.AddCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.LoginPath = "/signin";
            if (auth.Mode == ConsoleAuthMode.Oidc) return;
            o.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                else context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder().SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    public static ClaimsPrincipal Operator(string name, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], scheme));
}

internal sealed class ProxyHeaderOptions : AuthenticationSchemeOptions
{
    public ProxyAuthOptions Proxy { get; set; } = new();
}

/// <summary>Believes the proxy's header only from a trusted network; anything else is not signed in.</summary>
internal sealed class ProxyHeaderHandler(IOptionsMonitor<ProxyHeaderOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<ProxyHeaderOptions>(options, logger, encoder)
{
    public const string Name = "proxy";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var remote = Context.Connection.RemoteIpAddress;
        if (remote is null || !Options.Proxy.TrustedNetworks.Any(n => n.Contains(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote)))
            return Task.FromResult(AuthenticateResult.NoResult());
        var user = Request.Headers[Options.Proxy.Header].ToString();
        return Task.FromResult(user.Length == 0
            ? AuthenticateResult.NoResult()
            : AuthenticateResult.Success(new AuthenticationTicket(ConsoleAuth.Operator(user, Name), Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }
}

/// <summary><c>auth.mode: none</c> on a loopback listener: whoever can connect is the operator.</summary>
internal sealed class LoopbackHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "loopback";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(Context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
            ? AuthenticateResult.Success(new AuthenticationTicket(ConsoleAuth.Operator("local operator", Name), Name))
            : AuthenticateResult.NoResult());
}
