namespace Aggregator.Configuration;

internal sealed record SmtpOptions
{
    /// <summary>Empty: mail is written as <c>.eml</c> files to <see cref="PickupDirectory"/>.</summary>
    public string Host { get; init; } = string.Empty;

    public int Port { get; init; } = 587;
    public SmtpSecurity Security { get; init; } = SmtpSecurity.Auto;
    public string Username { get; init; } = string.Empty;
    public string Password { get; init; } = string.Empty;
    public string From { get; init; } = "Aggregator <aggregator@localhost>";

    /// <summary>Relative to the working directory.</summary>
    public string PickupDirectory { get; init; } = "data/mail";
}

internal enum SmtpSecurity
{
    Auto,
    StartTls,
    Ssl,
    None,
}
