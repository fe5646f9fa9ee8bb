namespace Aggregator.Storage;

/// <summary>The words config-change modes and outcomes are stored under.</summary>
internal static class ConfigChangeNames
{
    private static readonly StoredNames<ConfigWriteMode> Modes = new("config write mode",
        (ConfigWriteMode.Direct, "direct"),
        (ConfigWriteMode.Patch, "patch"));

    private static readonly StoredNames<ConfigChangeOutcome> Outcomes = new("config change outcome",
        (ConfigChangeOutcome.Pending, "pending"),
        (ConfigChangeOutcome.Accepted, "accepted"),
        (ConfigChangeOutcome.Rejected, "rejected"),
        (ConfigChangeOutcome.Offered, "offered"));

    public static string Name(ConfigWriteMode mode) => Modes.Name(mode);

    public static string Name(ConfigChangeOutcome outcome) => Outcomes.Name(outcome);

    public static ConfigWriteMode ParseMode(string name) => Modes.Parse(name);

    public static ConfigChangeOutcome ParseOutcome(string name) => Outcomes.Parse(name);
}
