using Aggregator.Configuration;
using Aggregator.Delivery;
using Aggregator.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aggregator.Tests.Delivery;

public sealed class DeliveryRelayServiceTests
{
    [Fact]
    public async Task The_background_loop_delivers_when_signalled()
    {
        await using var h = await DeliveryHarness.CreateAsync(x => DeliveryHarness.MakeConfig(x.Pickup(), null,
            new SubscriberDefinition { Id = "ops", Email = ["ops@example.org"] }));
        var service = h.Services.GetServices<IHostedService>().OfType<DeliveryRelayService>().ShouldHaveSingleItem();
        await service.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var alert = TestAlerts.Make("ops", "k1");
            await h.QueueAsync(TestAlerts.Draft(alert));
            // The clock is fake and never moves: only the signal can wake the loop.
            h.Services.GetRequiredService<RelaySignal>().Notify();

            var file = Path.Combine(h.MailDirectory, $"{alert.AlertId}.eml");
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!File.Exists(file) && waited.Elapsed < TimeSpan.FromSeconds(10))
                await Task.Delay(50, TestContext.Current.CancellationToken);

            File.Exists(file).ShouldBeTrue();
        }
        finally
        {
            await service.StopAsync(TestContext.Current.CancellationToken);
        }
    }
}
