using System.Net;
using System.Security.Claims;
using Aggregator.Configuration;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Aggregator.OperatorConsole;

/// <summary>
/// <c>auth.mode: oidc</c>: the authorization code flow with PKCE against <c>auth.oidc.authority</c>. Only people the
/// allow-list names (<c>email:ADDRESS</c>, or <c>group:NAME</c> in the id token's <c>groups</c> claim) get a session;
/// anyone else is refused after signing in at the provider. <c>/api/</c> answers 401 rather than redirecting.
/// </summary>
internal static class OidcSignIn
{
    /// <summary>Where the provider sends the browser back; registered with the provider as the redirect URI.</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>
    /// The page a completed sign-in lands on. The provider's redirect is a cross-site navigation, which a SameSite=Strict
    /// session cookie does not accompany; this page moves on to the console by a same-site navigation that it does.
    /// </summary>
    public const string CompletedPath = "/signin/complete";

    public static void Configure(OpenIdConnectOptions o, OidcOptions oidc)
    {
        o.Authority = oidc.Authority;
        o.ClientId = oidc.ClientId;
        o.ClientSecret = oidc.ClientSecret.Length > 0 ? oidc.ClientSecret : null;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.UsePkce = true;
        o.MapInboundClaims = false;
        o.CallbackPath = CallbackPath;
        o.Scope.Clear();
        foreach (var scope in new[] { "openid", "email", "profile" }) o.Scope.Add(scope);
        o.TokenValidationParameters.NameClaimType = "email";
        // Plain http only to a provider on this machine (tests, a local development provider).
        o.RequireHttpsMetadata = !IsLoopback(oidc.Authority);
        // The provider answers with a top-level GET (response mode query), which Lax cookies accompany; None would
        // need Secure, and a console behind plain http on loopback could then never complete a sign-in.
        foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }
        o.Events.OnRedirectToIdentityProvider = context =>
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.HandleResponse();
                return Task.CompletedTask;
            }
            context.Properties.RedirectUri = CompletedPath + "?to=" + Uri.EscapeDataString(context.Properties.RedirectUri ?? "/");
            return Task.CompletedTask;
        };
        o.Events.OnTokenValidated = context =>
        {
            if (context.Principal is not { } principal || !IsAllowed(principal, oidc.Allow))
                context.Fail($"{Who(context.Principal)} is not in settings.console.auth.oidc.allow");
            return Task.CompletedTask;
        };
        o.Events.OnRemoteFailure = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            context.HandleResponse();
            return context.Response.WriteAsync($"Sign-in refused: {context.Failure?.Message}\n");
        };
    }

    /// <summary>An email entry matches the <c>email</c> claim (case aside); a group entry, one of the <c>groups</c> claims.</summary>
    public static bool IsAllowed(ClaimsPrincipal principal, IReadOnlyList<string> allow)
    {
        var email = principal.FindFirst("email")?.Value;
        var groups = principal.FindAll("groups").Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return allow.Any(entry =>
            (entry.StartsWith("email:", StringComparison.Ordinal) && email is not null && string.Equals(entry[6..], email, StringComparison.OrdinalIgnoreCase))
            || (entry.StartsWith("group:", StringComparison.Ordinal) && groups.Contains(entry[6..])));
    }

    private static string Who(ClaimsPrincipal? principal) =>
        principal?.FindFirst("email")?.Value ?? principal?.FindFirst("sub")?.Value ?? "this account";

    private static bool IsLoopback(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));
}
