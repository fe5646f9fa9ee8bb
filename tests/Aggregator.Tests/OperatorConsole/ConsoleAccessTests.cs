using System.Net;
using System.Net.Sockets;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.OperatorConsole;

/// <summary>
/// The console through the real executable: nothing without a session, sign-in only with the token and a form
/// from the console itself, a wrong token refused and then rate-limited, and no address but the configured one.
/// </summary>
public sealed class ConsoleAccessTests
{
    private static readonly string[] Pages =
        ["/", "/feeds", "/feeds?failing=true", "/feeds/world", "/rules", "/try", "/try?query=border", "/explain", "/deliveries", "/deliveries?status=dead"];

    private static readonly string[] Apis =
        ["/api/status", "/api/dashboard", "/api/feeds", "/api/feeds/world", "/api/rules", "/api/try?query=border", "/api/explain", "/api/deliveries"];

    internal static TempDirectory Config(string auth = "mode: token\n      token: ${AGGREGATOR_CONSOLE_TOKEN:-}", string listen = "127.0.0.1:0")
    {
        var work = new TempDirectory();
        work.Write("config/aggregator.yaml", $$"""
            settings:
              network:
                allowedPrivateNetworks: ["127.0.0.0/8"]
              console:
                listen: "{{listen}}"
                auth:
                  {{auth}}
            feeds:
              - id: world
                url: "http://127.0.0.1:9/feed.xml"
                every: 1h
            """);
        return work;
    }

    private static Dictionary<string, string> Passphrase(string token) => new() { ["AGGREGATOR_CONSOLE_TOKEN"] = token };

    [Fact]
    public async Task Every_page_redirects_to_sign_in_and_every_api_answers_401_without_a_session()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = Config();
        using var console = await ConsoleWorker.StartAsync(work, null, ct);

        foreach (var page in Pages)
        {
            using var response = await console.Http.GetAsync(page, ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, page);
            response.Headers.Location!.AbsolutePath.ShouldBe("/signin", page);
        }
        foreach (var api in Apis)
        {
            using var response = await console.Http.GetAsync(api, ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, api);
        }
        using var poll = await console.Http.PostAsync("/feeds/world/poll", new FormUrlEncodedContent([]), ct);
        poll.StatusCode.ShouldBe(HttpStatusCode.Redirect, "an action without a session goes to sign-in too");
        (await console.Http.GetAsync("/healthz", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await console.Http.GetAsync("/readyz", ct)).StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task The_passphrase_signs_in_and_then_every_page_and_api_answers_with_strict_headers()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = Config();
        using var console = await ConsoleWorker.StartAsync(work, Passphrase("correct horse battery"), ct);
        console.SignInLinks.ShouldBe(0, "a configured passphrase needs no sign-in link");

        using var signIn = await console.SignInAsync("correct horse battery", ct);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.OriginalString.ShouldBe("/");
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("aggregator-console=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);

        foreach (var path in Pages.Concat(Apis))
        {
            using var response = await console.Http.GetAsync(path, ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'; script-src 'self'");
            response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        }
        (await console.Http.GetStringAsync("/api/feeds/world", ct)).ShouldContain("\"id\":\"world\"");
    }

    [Fact]
    public async Task A_form_post_without_the_consoles_antiforgery_token_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = Config();
        using var console = await ConsoleWorker.StartAsync(work, Passphrase("passphrase"), ct);

        using var forgedSignIn = await console.PostFormAsync("/signin", [new("token", "passphrase")], ct);
        forgedSignIn.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a sign-in form that did not come from the console");
        (await console.Http.GetAsync("/", ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "and it signed no one in");

        (await console.SignInAsync("passphrase", ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var forgedPoll = await console.PostFormAsync("/feeds/world/poll", [new("__RequestVerificationToken", "forged")], ct);
        forgedPoll.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a signed-in operator's session cannot be ridden by another site's form");
    }

    [Fact]
    public async Task A_wrong_token_is_refused_and_repeated_tries_are_rate_limited()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = Config();
        using var console = await ConsoleWorker.StartAsync(work, Passphrase("passphrase"), ct);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await console.SignInAsync("guess-" + i, ct);
            statuses.Add(response.StatusCode);
        }

        statuses.Take(5).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        statuses.Skip(5).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
        using var right = await console.SignInAsync("passphrase", ct);
        right.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "even the right token waits out the window");
        (await console.Http.GetAsync("/", ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Without_a_passphrase_the_logged_link_signs_in_once_and_a_new_one_is_logged()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = Config();
        using var console = await ConsoleWorker.StartAsync(work, null, ct);
        var first = console.SignInLinkToken();

        var page = await console.Http.GetStringAsync($"/signin?token={first}", ct);
        page.ShouldContain($"value=\"{first}\"", Case.Sensitive, "the link fills the form; a GET signs no one in");
        (await console.Http.GetAsync("/", ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await console.SignInAsync(first, ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await console.Http.GetAsync("/", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Eventually.TrueAsync(() => console.SignInLinks == 2, TimeSpan.FromSeconds(5), ct)).ShouldBeTrue(console.Output);
        var second = console.SignInLinkToken(2);
        second.ShouldNotBe(first);

        using var other = await ConsoleWorker.AttachAsync(console.Address, ct);
        (await other.SignInAsync(first, ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "a used link is worth nothing");
        (await other.SignInAsync(second, ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the newly logged one signs in");
    }

    [Fact]
    public async Task Aspnetcore_variables_open_no_other_address()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = Config();
        var spare = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{spare}",
            ["ASPNETCORE_HTTP_PORTS"] = spare.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ASPNETCORE_Kestrel__Endpoints__Extra__Url"] = $"http://127.0.0.1:{spare}",
        };
        using var console = await ConsoleWorker.StartAsync(work, environment, ct);

        console.Address.Port.ShouldNotBe(spare);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Should.ThrowAsync<SocketException>(async () => await socket.ConnectAsync(IPAddress.Loopback, spare, ct));
        (await console.Http.GetAsync("/healthz", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_console_reachable_from_other_machines_without_sign_in_stops_run_with_exit_2()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = Config("mode: none", "0.0.0.0:0");

        var (code, _, stderr) = await AggregatorProcess.RunAsync(work.Path, null, ct, "run", "--config", "config");

        code.ShouldBe(2);
        stderr.ShouldContain("settings.console.auth.mode none is allowed only on a loopback listener");
    }

    [Fact]
    public async Task Proxy_mode_believes_the_header_only_from_trusted_networks()
    {
        var ct = TestContext.Current.CancellationToken;
        using var trusted = Config("mode: proxy\n      proxy: { header: X-Auth-Request-Email, trustedNetworks: [\"127.0.0.0/8\"] }");
        using var console = await ConsoleWorker.StartAsync(trusted, null, ct);

        (await console.Http.GetAsync("/api/status", ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "no header, no operator");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Auth-Request-Email", "ann@example.org");
        using var page = await console.Http.SendAsync(request, ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync(ct)).ShouldContain("ann@example.org");

        using var untrusted = Config("mode: proxy\n      proxy: { header: X-Auth-Request-Email, trustedNetworks: [\"10.0.0.0/8\"] }");
        using var elsewhere = await ConsoleWorker.StartAsync(untrusted, null, ct);
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        spoofed.Headers.Add("X-Auth-Request-Email", "ann@example.org");
        (await elsewhere.Http.SendAsync(spoofed, ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "127.0.0.1 is not a trusted proxy here");
    }
}
