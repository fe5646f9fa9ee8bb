namespace Aggregator.Configuration;

/// <summary>
/// The outcome of one reload of the config directory: accepted (with its warnings), or refused with every
/// problem at its <c>path:line:col</c>, or <paramref name="Failure"/> when loading itself failed.
/// </summary>
internal sealed record ReloadReport(DateTimeOffset At, bool Accepted, IReadOnlyList<ConfigDiagnostic> Diagnostics, string? Failure);
