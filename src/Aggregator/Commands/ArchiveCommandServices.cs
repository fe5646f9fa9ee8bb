using Aggregator.Backtesting;
using Aggregator.Configuration;
using Aggregator.Core.Rendering;
using Aggregator.Hosting;
using Aggregator.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Commands;

/// <summary>What <c>backtest</c> and <c>explain</c> share: the store of <c>--config</c>, migrated as <c>status</c> does, and the archive's readers.</summary>
internal static class ArchiveCommandServices
{
    /// <summary>Runs <paramref name="use"/> with the services; exit 5 with one line when the state database cannot be used.</summary>
    public static async Task<int> RunAsync(AggregatorConfig config, Func<IServiceProvider, Task<int>> use, CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection()
            .AddSingleton(new ActiveConfig(ConfigSnapshot.Create(config)))
            .AddStore(config.Settings.Storage)
            .AddBacktesting()
            .BuildServiceProvider();
        try
        {
            await services.GetRequiredService<IStateStore>().MigrateAsync(cancellationToken);
            return await use(services);
        }
        catch (StateUnavailableException ex)
        {
            await Console.Error.WriteLineAsync($"error: {OneLine.Escape(ex.Message)}");
            return ExitCodes.StateUnavailable;
        }
    }

    /// <summary>The line that says the archive is off.</summary>
    public const string ArchiveOff = "the item archive is off (settings.console.archive.keep is 0): nothing the worker read is kept";
}
