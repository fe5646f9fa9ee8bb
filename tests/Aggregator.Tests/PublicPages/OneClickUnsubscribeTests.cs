using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.PublicPages;

/// <summary>
/// The whole path with real parts on loopback: the real executable polls a feed, mails through an SMTP server, and a
/// plain HTTP client follows the <c>List-Unsubscribe</c> header of a received mail as Gmail does. The next alert of that
/// rule does not reach that address, and everything else still does.
/// </summary>
public sealed partial class OneClickUnsubscribeTests
{
    [Fact]
    public async Task A_one_click_unsubscribe_stops_the_next_alert_of_that_rule_to_that_address_and_no_other()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var feed = new FeedServer();
        await using var smtp = new SmtpTestServer();
        using var work = new TempDirectory();
        using var worker = await StartAsync(work, feed, smtp, """
            rules:
              - { id: border, query: border, notify: [desk, night] }
              - { id: ports, query: harbour, notify: [desk] }
            subscribers:
              - { id: desk, email: [ann@example.org] }
              - { id: night, email: [night@example.org] }
            """, ct);

        feed.AddItem("n-1", "Troops gather near the border", "Columns at dawn.");
        (await Eventually.TrueAsync(() => smtp.Messages.Count == 2, TimeSpan.FromSeconds(20), ct)).ShouldBeTrue(worker.StandardOutput + worker.StandardError);
        var first = smtp.Messages.Single(m => m.Recipients.Contains("ann@example.org")).Message;
        first.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        first.Headers["List-Id"].ShouldBe("<border.127.0.0.1>");
        first.Headers["Auto-Submitted"].ShouldBe("auto-generated");
        var link = new Uri(AngleLink().Match(first.Headers["List-Unsubscribe"] ?? "").Groups["url"].Value);
        link.AbsolutePath.ShouldStartWith("/p/u/v1.");
        first.TextBody!.ShouldContain(link.AbsoluteUri, Case.Sensitive, "the body's unsubscribe link is the header's");

        // Exactly what Gmail sends: a POST without cookies, form-encoded, this one field.
        using (var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }))
        using (var oneClick = new HttpRequestMessage(HttpMethod.Post, link) { Content = new StringContent("List-Unsubscribe=One-Click", new MediaTypeHeaderValue("application/x-www-form-urlencoded")) })
        using (var response = await http.SendAsync(oneClick, ct))
            response.StatusCode.ShouldBe(HttpStatusCode.OK);

        feed.AddItem("n-2", "More troops at the border crossing", "The border stays closed.");
        feed.AddItem("n-3", "Harbour reopens after the storm", "Ferries run again.");
        (await Eventually.TrueAsync(() => smtp.Messages.Count == 4, TimeSpan.FromSeconds(20), ct)).ShouldBeTrue(worker.StandardOutput + worker.StandardError);
        await Task.Delay(TimeSpan.FromSeconds(3), ct);

        var later = smtp.Messages.Skip(2).Select(m => (To: string.Join(",", m.Recipients), m.Message.Subject)).OrderBy(m => m.To).ThenBy(m => m.Subject).ToList();
        later.ShouldBe(
        [
            ("ann@example.org", "[ports] Harbour reopens after the storm"),
            ("night@example.org", "[border] More troops at the border crossing"),
        ], "ann left the border rule only; night still gets it, and ann still gets the harbour rule");
        worker.Terminate();
    }

    [Fact]
    public async Task Each_address_of_a_subscriber_gets_its_own_message_and_its_unsubscribe_stops_that_address_only()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var feed = new FeedServer();
        await using var smtp = new SmtpTestServer();
        using var work = new TempDirectory();
        using var worker = await StartAsync(work, feed, smtp, """
            rules:
              - { id: border, query: border, notify: [desk] }
            subscribers:
              - { id: desk, email: [ann@example.org, bob@example.org] }
            """, ct);

        feed.AddItem("n-1", "Troops gather near the border", "Columns at dawn.");
        (await Eventually.TrueAsync(() => smtp.Messages.Count == 2, TimeSpan.FromSeconds(20), ct)).ShouldBeTrue(worker.StandardOutput + worker.StandardError);
        var ann = smtp.Messages.Single(m => m.Recipients.SequenceEqual(["ann@example.org"])).Message;
        var bob = smtp.Messages.Single(m => m.Recipients.SequenceEqual(["bob@example.org"])).Message;
        ann.To.Mailboxes.Select(m => m.Address).ShouldBe(["ann@example.org"], "a copy names only the address it goes to");
        bob.To.Mailboxes.Select(m => m.Address).ShouldBe(["bob@example.org"]);
        ann.MessageId.ShouldNotBe(bob.MessageId, "each address's copy has its own id");
        var annLink = new Uri(AngleLink().Match(ann.Headers["List-Unsubscribe"] ?? "").Groups["url"].Value);
        var bobLink = new Uri(AngleLink().Match(bob.Headers["List-Unsubscribe"] ?? "").Groups["url"].Value);
        annLink.ShouldNotBe(bobLink, "each copy's link acts for its own address");

        using (var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }))
        using (var oneClick = new HttpRequestMessage(HttpMethod.Post, annLink) { Content = new StringContent("List-Unsubscribe=One-Click", new MediaTypeHeaderValue("application/x-www-form-urlencoded")) })
        using (var response = await http.SendAsync(oneClick, ct))
            response.StatusCode.ShouldBe(HttpStatusCode.OK);

        feed.AddItem("n-2", "More troops at the border crossing", "The border stays closed.");
        (await Eventually.TrueAsync(() => smtp.Messages.Count == 3, TimeSpan.FromSeconds(20), ct)).ShouldBeTrue(worker.StandardOutput + worker.StandardError);
        await Task.Delay(TimeSpan.FromSeconds(3), ct);

        smtp.Messages.Count.ShouldBe(3, "ann's unsubscribe stopped ann's copy and nothing else");
        var next = smtp.Messages.Skip(2).Single();
        next.Recipients.ShouldBe(["bob@example.org"]);
        next.Message.Subject.ShouldBe("[border] More troops at the border crossing");
        next.Message.To.Mailboxes.Select(m => m.Address).ShouldBe(["bob@example.org"]);
        worker.Terminate();
    }

    /// <summary>The worker with public links on, one feed polled every second, mail to <paramref name="smtp"/>, and these rules and subscribers; once it has polled.</summary>
    private static async Task<AggregatorProcess> StartAsync(TempDirectory work, FeedServer feed, SmtpTestServer smtp, string rulesAndSubscribers, CancellationToken ct)
    {
        var port = FreePort.Next();
        work.Write("config/aggregator.yaml", $$"""
            settings:
              polling: { minEvery: 1s }
              network: { allowedPrivateNetworks: ["127.0.0.0/8"] }
              smtp: { host: 127.0.0.1, port: {{smtp.Port}}, security: none, from: "Alerts <alerts@example.org>" }
              public: { baseUrl: "http://127.0.0.1:{{port}}", listen: "127.0.0.1:{{port}}", linkSecret: "q7Vt2mXc9LpR4sWz8KdN1bYf6HgJ3eUa" }
            feeds:
              - { id: world, url: "{{feed.FeedUrl}}", every: 1s }
            """);
        work.Write("config/rules.yaml", rulesAndSubscribers);
        var worker = AggregatorProcess.Start(work.Path, null, "run", "--config", "config");
        (await Eventually.TrueAsync(() => feed.Requests >= 2, TimeSpan.FromSeconds(30), ct)).ShouldBeTrue(worker.StandardOutput + worker.StandardError);
        return worker;
    }

    [GeneratedRegex("<(?<url>https?://[^>]+)>")]
    private static partial Regex AngleLink();
}
