namespace Aggregator.ConfigEditing;

/// <summary>An edit that cannot be made as asked (no such entry, a file that cannot be read); the message says why.</summary>
internal sealed class ConfigEditException(string message) : Exception(message);
