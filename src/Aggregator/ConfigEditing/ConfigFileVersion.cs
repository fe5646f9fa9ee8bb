namespace Aggregator.ConfigEditing;

/// <summary>
/// One config file as it is on disk now: its text exactly (a byte-order mark kept as its character), and the SHA-256
/// of its bytes, which a page carries so that a save can tell whether the file changed since the page was loaded.
/// A file that does not exist yet has empty text and the hash of nothing.
/// </summary>
internal sealed record ConfigFileVersion(string Name, string FullPath, string Text, string Hash, bool Exists);
