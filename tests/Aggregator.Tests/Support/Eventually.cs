namespace Aggregator.Tests.Support;

/// <summary>Waits for a condition that a background worker makes true, with an upper bound.</summary>
internal static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition()) return true;
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
        return condition();
    }

    /// <summary>The same for a condition that must be awaited (a page to reload, a request to make); checked every 250 ms.</summary>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition().ConfigureAwait(false)) return true;
            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }
        return await condition().ConfigureAwait(false);
    }
}
