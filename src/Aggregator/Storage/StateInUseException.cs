namespace Aggregator.Storage;

/// <summary>The state belongs to another running worker; the message says which database and what to do.</summary>
internal sealed class StateInUseException(string message, Exception? inner = null) : Exception(message, inner);
