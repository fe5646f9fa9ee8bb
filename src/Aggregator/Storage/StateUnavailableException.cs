namespace Aggregator.Storage;

/// <summary>
/// The state store cannot be used: its database is corrupt or unreadable, or its file was deleted or replaced while
/// the worker ran. The message is one line that names the database.
/// </summary>
internal sealed class StateUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
