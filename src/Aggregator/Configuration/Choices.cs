namespace Aggregator.Configuration;

/// <summary>The words each enumerated setting accepts, as the contract spells them.</summary>
internal static class Choices
{
    public static readonly IReadOnlyDictionary<string, StorageProvider> Providers = new Dictionary<string, StorageProvider>
    {
        ["sqlite"] = StorageProvider.Sqlite,
        ["postgres"] = StorageProvider.Postgres,
    };

    public static readonly IReadOnlyDictionary<string, SmtpSecurity> Security = new Dictionary<string, SmtpSecurity>
    {
        ["auto"] = SmtpSecurity.Auto,
        ["starttls"] = SmtpSecurity.StartTls,
        ["ssl"] = SmtpSecurity.Ssl,
        ["none"] = SmtpSecurity.None,
    };

    public static readonly IReadOnlyDictionary<string, LogFormat> LogFormats = new Dictionary<string, LogFormat>
    {
        ["text"] = LogFormat.Text,
        ["json"] = LogFormat.Json,
    };

    public static readonly IReadOnlyDictionary<string, FirstPoll> FirstPolls = new Dictionary<string, FirstPoll>
    {
        ["baseline"] = FirstPoll.Baseline,
        ["notify"] = FirstPoll.Notify,
    };

    public static readonly IReadOnlyDictionary<string, ConsoleAuthMode> AuthModes = new Dictionary<string, ConsoleAuthMode>
    {
        ["token"] = ConsoleAuthMode.Token,
        ["oidc"] = ConsoleAuthMode.Oidc,
        ["proxy"] = ConsoleAuthMode.Proxy,
        ["none"] = ConsoleAuthMode.None,
    };

    public static readonly IReadOnlyDictionary<string, ConfigWrites> ConfigWrites = new Dictionary<string, ConfigWrites>
    {
        ["patch"] = Configuration.ConfigWrites.Patch,
        ["direct"] = Configuration.ConfigWrites.Direct,
    };
}
