namespace Aggregator.Commands;

/// <summary>Exit codes, as the README lists them (README.md#commands).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int NothingMatched = 1;
    public const int Unhealthy = 1;
    public const int InvalidConfig = 2;
    public const int InvalidQuery = 2;
    public const int NotAFeed = 3;

    /// <summary><c>run</c>: another running worker owns the SQLite state.</summary>
    public const int StateInUse = 4;

    /// <summary><c>run</c> and <c>status</c>: the state database cannot be used (corrupt, unreadable).</summary>
    public const int StateUnavailable = 5;
}
