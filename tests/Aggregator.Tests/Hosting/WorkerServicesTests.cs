using Aggregator.Configuration;
using Aggregator.Delivery;
using Aggregator.Fetching;
using Aggregator.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Hosting;

public sealed class WorkerServicesTests
{
    [Fact]
    public void The_worker_registers_each_of_its_services_once()
    {
        var services = new ServiceCollection().AddWorker(new AggregatorConfig { Directory = Path.GetTempPath() });

        var own = services.Where(d => d.ServiceType.Assembly == typeof(WorkerServices).Assembly && d.ServiceType != typeof(IDeliveryChannel));
        own.GroupBy(d => d.ServiceType).Where(g => g.Count() > 1).Select(g => g.Key.Name).ShouldBeEmpty();
        services.Where(d => d.ServiceType == typeof(IDeliveryChannel)).Count().ShouldBe(2);
        services.Single(d => d.ServiceType == typeof(IFeedFetcher)).ImplementationType.ShouldBe(typeof(ReloadingFeedFetcher));
    }
}
