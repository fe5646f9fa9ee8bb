using System.Net;
using System.Text.Json;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.OperatorConsole;

/// <summary>
/// <c>/healthz</c> and <c>/readyz</c> on the console of the real executable: a store that goes away makes the worker
/// not ready, yet alive (a liveness probe must not restart it for that).
/// </summary>
public sealed class ConsoleProbeTests
{
    [Fact]
    public async Task Readiness_follows_the_store_while_liveness_stays()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = ConsoleAccessTests.Config();
        using var console = await ConsoleWorker.StartAsync(work, null, ct);

        (await Eventually.TrueAsync(async () => (await ReadyAsync(console, ct)).Status == HttpStatusCode.OK, TimeSpan.FromSeconds(30), ct))
            .ShouldBeTrue(console.Output);
        var ready = await ReadyAsync(console, ct);
        ready.Body.GetProperty("ready").GetBoolean().ShouldBeTrue();
        ready.Body.GetProperty("problems").GetArrayLength().ShouldBe(0);
        using (var live = await console.Http.GetAsync("/healthz", ct))
        {
            live.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await live.Content.ReadAsStringAsync(ct)).ShouldBe("ok\n");
        }

        File.Delete(work.Combine("data", "aggregator.db"));

        (await Eventually.TrueAsync(async () => (await ReadyAsync(console, ct)).Status == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30), ct))
            .ShouldBeTrue(console.Output);
        var notReady = await ReadyAsync(console, ct);
        notReady.Body.GetProperty("ready").GetBoolean().ShouldBeFalse();
        notReady.Body.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ShouldContain(p => p!.StartsWith("store unreachable: ", StringComparison.Ordinal));
        (await console.Http.GetAsync("/healthz", ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "alive, whatever the store says");
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync(ConsoleWorker console, CancellationToken ct)
    {
        using var response = await console.Http.GetAsync("/readyz", ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return (response.StatusCode, json.RootElement.Clone());
    }
}
