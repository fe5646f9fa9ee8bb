using Aggregator.Configuration;

namespace Aggregator.Delivery;

/// <summary>
/// Exponential backoff: <c>retryInitial</c> doubling per attempt up to <c>retryMax</c>, each delay spread by
/// ±20 % so messages that failed together do not retry together.
/// </summary>
internal static class RetryBackoff
{
    public static TimeSpan Delay(int attempts, DeliveryOptions options, Random random)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var baseMs = Math.Min(options.RetryInitial.TotalMilliseconds * Math.Pow(2, exponent), options.RetryMax.TotalMilliseconds);
        var jittered = baseMs * (0.8 + 0.4 * random.NextDouble());
        return TimeSpan.FromMilliseconds(Math.Min(jittered, options.RetryMax.TotalMilliseconds));
    }
}
