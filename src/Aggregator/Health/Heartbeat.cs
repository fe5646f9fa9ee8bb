using System.Text.Json;

namespace Aggregator.Health;

/// <summary>
/// What the running worker last said about itself. Written to a file every few seconds, so that
/// <c>health</c> (a separate process, e.g. Docker's HEALTHCHECK) can judge it without a network port.
/// </summary>
internal sealed record Heartbeat(
    DateTimeOffset At,
    int ProcessId,
    bool SchedulerRunning,
    bool StoreReachable,
    string? StoreError,
    DateTimeOffset? OldestDueMessage)
{
    /// <summary>Relative to the working directory, beside the default SQLite file.</summary>
    public const string DefaultPath = "data/heartbeat.json";

    /// <summary>A heartbeat older than this means the worker is hung or gone.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    /// <summary>A message due longer ago than this means delivery is stuck.</summary>
    public static readonly TimeSpan MaxDeliveryLag = TimeSpan.FromMinutes(15);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string PathFromEnvironment() =>
        Environment.GetEnvironmentVariable("AGGREGATOR_HEARTBEAT") is { Length: > 0 } path ? path : DefaultPath;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static Heartbeat? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Heartbeat>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Why the worker is not alive at <paramref name="now"/> (stopped or hung); empty when it is, whatever else is wrong.</summary>
    public IReadOnlyList<string> LivenessProblems(DateTimeOffset now) =>
        now - At > MaxAge ? [$"no heartbeat for {(int)(now - At).TotalSeconds}s (worker stopped or hung)"] : [];

    /// <summary>Every reason the worker is unhealthy at <paramref name="now"/>; empty when healthy.</summary>
    public IReadOnlyList<string> Problems(DateTimeOffset now) => [.. LivenessProblems(now), .. WorkProblems(now)];

    /// <summary>Why an alive worker is not ready at <paramref name="now"/>: its scheduler, store or delivery.</summary>
    public IReadOnlyList<string> WorkProblems(DateTimeOffset now)
    {
        var problems = new List<string>();
        if (!SchedulerRunning) problems.Add("scheduler not running");
        if (!StoreReachable) problems.Add("store unreachable: " + StoreError);
        if (OldestDueMessage is { } due && now - due > MaxDeliveryLag)
            problems.Add($"delivery stuck: a message has been due since {due:u}");
        return problems;
    }
}
