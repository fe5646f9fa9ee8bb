using System.Text;
using System.Text.Json;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.EndToEnd;

/// <summary>
/// Credentials in feed and webhook URLs, through the real executable: sent as Basic authentication, and
/// absent from everything the worker and the commands print, at every log level.
/// </summary>
public sealed class UrlCredentialsEndToEndTests
{
    private const string FeedPassword = "feed-s3cr3t";
    private const string HookPassword = "hook-s3cr3t";

    private static string Basic(string userAndPassword) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userAndPassword));

    private static string WithUserInfo(Uri url, string userInfo) => $"{url.Scheme}://{userInfo}@{url.Authority}{url.PathAndQuery}";

    [Fact]
    public async Task Feed_and_webhook_credentials_are_sent_as_basic_authentication_and_never_printed()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempDirectory();
        await using var feed = new FeedServer();
        feed.AddItem("n-1", "Troops cross the border", "Units were seen at the crossing.");
        await using var hook = new WebhookReceiver();
        var feedUrl = WithUserInfo(feed.FeedUrl, $"reader:{FeedPassword}%40x");
        work.Write("config/aggregator.yaml", $"""
            settings:
              polling:
                minEvery: 1s
              network:
                allowedPrivateNetworks: ["127.0.0.0/8"]
            feeds:
              - id: world
                url: "{feedUrl}"
                every: 1s
                firstPoll: notify
            rules:
              - id: troops
                query: troops AND border
                notify: [hook]
            subscribers:
              - id: hook
                webhook:
                  url: "{WithUserInfo(hook.Url, $"poster:{HookPassword}")}"
                  secret: {WebhookReceiver.Secret}
            """);
        var debug = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Debug" };

        string workerOutput;
        using (var worker = AggregatorProcess.Start(work.Path, debug, "run", "--config", "config"))
        {
            (await Eventually.TrueAsync(() => !hook.Requests.IsEmpty && feed.Requests >= 2, TimeSpan.FromSeconds(30), ct))
                .ShouldBeTrue(worker.StandardOutput + worker.StandardError);
            worker.Terminate();
            (await worker.WaitForExitAsync(TimeSpan.FromSeconds(15), ct)).ShouldBeTrue();
            workerOutput = worker.StandardOutput + worker.StandardError;
        }

        feed.Authorizations.ShouldAllBe(a => a == Basic($"reader:{FeedPassword}@x"));
        var delivered = hook.Requests.First();
        delivered.Authorization.ShouldBe(Basic($"poster:{HookPassword}"));
        delivered.SignatureValid.ShouldBeTrue();
        using (var body = JsonDocument.Parse(delivered.Body))
            body.RootElement.GetProperty("data").GetProperty("feed").GetProperty("url").GetString().ShouldBe(WithUserInfo(feed.FeedUrl, "reader:***"));
        workerOutput.ShouldContain("Fetched http://reader:***@127.0.0.1");

        var status = await AggregatorProcess.RunAsync(work.Path, null, ct, "status", "--config", "config");
        var json = await AggregatorProcess.RunAsync(work.Path, null, ct, "status", "--json", "--config", "config");
        var parse = await AggregatorProcess.RunAsync(work.Path, debug, ct, "parse", "--config", "config", feedUrl);
        var parseJson = await AggregatorProcess.RunAsync(work.Path, null, ct, "parse", "--json", "--config", "config", feedUrl);
        var testRule = await AggregatorProcess.RunAsync(work.Path, null, ct, "test-rule", "--config", "config", feedUrl);
        var checkConfig = await AggregatorProcess.RunAsync(work.Path, null, ct, "check-config", "--config", "config");

        status.ExitCode.ShouldBe(0, status.Stderr);
        parse.ExitCode.ShouldBe(0, parse.Stderr);
        testRule.ExitCode.ShouldBe(0, testRule.Stderr);
        checkConfig.ExitCode.ShouldBe(0, checkConfig.Stdout);
        using (var report = JsonDocument.Parse(json.Stdout))
            report.RootElement.GetProperty("feeds")[0].GetProperty("url").GetString().ShouldBe(WithUserInfo(feed.FeedUrl, "reader:***"));
        parse.Stdout.ShouldStartWith(WithUserInfo(feed.FeedUrl, "reader:***") + ": ");
        feed.Authorizations.ShouldAllBe(a => a == Basic($"reader:{FeedPassword}@x"), "parse and test-rule authenticate too");
        foreach (var printed in new[] { workerOutput, status.Stdout, json.Stdout, parse.Stdout + parse.Stderr, parseJson.Stdout, testRule.Stdout, checkConfig.Stdout })
        {
            printed.ShouldNotContain(FeedPassword);
            printed.ShouldNotContain(HookPassword);
        }
    }
}
