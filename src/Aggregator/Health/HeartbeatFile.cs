namespace Aggregator.Health;

/// <summary>Where this worker writes its heartbeat.</summary>
internal sealed record HeartbeatFile(string Path);
