namespace Aggregator.ConfigEditing;

/// <summary>One config file before and after an edit.</summary>
/// <param name="RelativePath">Relative to the config directory, with forward slashes, as the patch names it.</param>
/// <param name="Before">The text on disk; null for a file the edit creates.</param>
/// <param name="After">The edited text.</param>
internal sealed record ConfigFileChange(string RelativePath, string? Before, string After);
