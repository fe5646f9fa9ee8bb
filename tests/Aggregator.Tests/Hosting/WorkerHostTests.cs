using Aggregator.Configuration;
using Aggregator.Hosting;
using Aggregator.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Aggregator.Tests.Hosting;

public sealed class WorkerHostTests
{
    [Fact]
    public async Task Two_workers_in_one_process_never_share_a_scheduler()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        var config = StateIn(dir);

        using var first = WorkerHost.Build(config, []);
        using var second = WorkerHost.Build(config, []);
        var a = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
        var b = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);

        b.ShouldNotBeSameAs(a);
        b.SchedulerName.ShouldNotBe(a.SchedulerName);
    }

    [Fact]
    public void The_host_s_own_settings_files_are_not_watched_so_writes_under_the_working_directory_cost_nothing()
    {
        using var dir = new TempDirectory();
        var config = StateIn(dir);

        using var host = WorkerHost.Build(config, []);

        var sources = ((IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>()).Providers
            .OfType<FileConfigurationProvider>().Select(p => p.Source).ToList();
        sources.ShouldNotBeEmpty("appsettings.json is still read");
        sources.ShouldAllBe(s => !s.ReloadOnChange);
    }

    private static AggregatorConfig StateIn(TempDirectory dir)
    {
        dir.Write("config/main.yaml", $"""
            settings:
              storage:
                connectionString: "Data Source={dir.Combine("state.db")}"
            """);
        return new ConfigLoader().Load(dir.Combine("config")).Config.ShouldNotBeNull();
    }
}
