namespace Aggregator.ConfigEditing;

/// <summary>The whole new text of the file, or why the edit was refused (and the text untouched).</summary>
internal sealed record YamlEditResult(string? Text, string? Error)
{
    public bool Succeeded => Error is null;

    public static YamlEditResult Edited(string text) => new(text, null);

    public static YamlEditResult Refused(string error) => new(null, error);
}
