using System.Net;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.OperatorConsole;

/// <summary>
/// <c>auth.mode: oidc</c> through the real executable against a provider on loopback: the code flow with PKCE
/// signs in someone the allow-list names, refuses anyone else, and <c>/api/</c> never redirects.
/// </summary>
public sealed class OidcSignInTests
{
    private static TempDirectory Config(OidcProvider provider, string allow) => ConsoleAccessTests.Config($$"""
        mode: oidc
              oidc: { authority: "{{provider.Authority}}", clientId: {{OidcProvider.ClientId}}, clientSecret: "${OIDC_SECRET}", allow: [{{allow}}] }
        """);

    private static readonly Dictionary<string, string> Secret = new() { ["OIDC_SECRET"] = OidcProvider.ClientSecret };

    /// <summary>Follows redirects by hand across the console and the provider, as a browser would; returns the last answer.</summary>
    private static async Task<HttpResponseMessage> FollowAsync(ConsoleWorker console, string path, CancellationToken ct)
    {
        var response = await console.Http.GetAsync(path, ct);
        for (var hops = 0; hops < 6 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found; hops++)
        {
            var next = response.Headers.Location!;
            response.Dispose();
            response = await console.Http.GetAsync(next.IsAbsoluteUri ? next : new Uri(console.Address, next), ct);
        }
        return response;
    }

    [Fact]
    public async Task A_listed_person_signs_in_through_the_provider_with_pkce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var provider = new OidcProvider();
        using var work = Config(provider, "\"email:ann@example.org\"");
        using var console = await ConsoleWorker.StartAsync(work, Secret, ct);

        using (var challenge = await console.Http.GetAsync("/feeds", ct))
        {
            challenge.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var authorize = challenge.Headers.Location!;
            authorize.GetLeftPart(UriPartial.Path).ShouldBe(new Uri(provider.Authority, "/authorize").AbsoluteUri);
            authorize.Query.ShouldContain("code_challenge_method=S256");
            authorize.Query.ShouldContain("response_type=code");
        }
        (await console.Http.GetAsync("/api/status", ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "an API is never sent to the provider");

        using var landed = await FollowAsync(console, "/feeds", ct);
        landed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await landed.Content.ReadAsStringAsync(ct);
        html.ShouldContain("Continue to the console", Case.Sensitive, "the sign-in completes on a page of the console itself");
        html.ShouldContain("url=/feeds");
        provider.TokensIssued.ShouldBe(1);
        provider.Refusals.ShouldBeEmpty();

        using var page = await console.Http.GetAsync("/feeds", ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync(ct)).ShouldContain("ann@example.org");
        (await console.Http.GetAsync("/api/status", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Someone_the_allow_list_does_not_name_is_refused_after_signing_in_at_the_provider()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var provider = new OidcProvider { NextUser = new("u-2", "bob@example.org", ["readers"]) };
        using var work = Config(provider, "\"email:ann@example.org\", \"group:ops\"");
        using var console = await ConsoleWorker.StartAsync(work, Secret, ct);

        using var refused = await FollowAsync(console, "/", ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync(ct)).ShouldContain("bob@example.org is not in settings.console.auth.oidc.allow");
        (await console.Http.GetAsync("/api/status", ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "no session was made");

        provider.NextUser = new("u-3", "carol@example.org", ["ops"]);
        using var member = await FollowAsync(console, "/", ct);
        member.StatusCode.ShouldBe(HttpStatusCode.OK, "a member of an allowed group gets in");
        (await console.Http.GetAsync("/api/status", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
