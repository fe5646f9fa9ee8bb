namespace Aggregator.ConfigEditing;

/// <summary>The lists of entries, each with an id, that the console edits; the name is the YAML key and the URL segment.</summary>
internal enum ConfigSection
{
    Feeds,
    Rules,
    Subscribers,
}

internal static class ConfigSections
{
    public static string Key(this ConfigSection section) => section.ToString().ToLowerInvariant();

    /// <summary>The singular, for page titles and messages.</summary>
    public static string Noun(this ConfigSection section) => section switch
    {
        ConfigSection.Feeds => "feed",
        ConfigSection.Rules => "rule",
        _ => "subscriber",
    };

    public static bool TryParse(string? key, out ConfigSection section)
    {
        section = key switch { "feeds" => ConfigSection.Feeds, "rules" => ConfigSection.Rules, "subscribers" => ConfigSection.Subscribers, _ => (ConfigSection)(-1) };
        return Enum.IsDefined(section);
    }
}
