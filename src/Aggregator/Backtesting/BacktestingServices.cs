using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Backtesting;

internal static class BacktestingServices
{
    /// <summary>The archive's readers, for the console and the <c>backtest</c> and <c>explain</c> commands (they need the store and an <see cref="Configuration.ActiveConfig"/>).</summary>
    public static IServiceCollection AddBacktesting(this IServiceCollection services) => services
        .AddSingleton<Backtester>()
        .AddSingleton<Explainer>();
}
