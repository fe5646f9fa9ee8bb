namespace Aggregator.Configuration;

/// <summary>The <c>settings</c> section; every key has a default so an empty file is a valid config.</summary>
internal sealed record SettingsOptions
{
    public StorageOptions Storage { get; init; } = new();
    public SchedulerOptions Scheduler { get; init; } = new();
    public PollingOptions Polling { get; init; } = new();
    public NetworkOptions Network { get; init; } = new();
    public AlertOptions Alerts { get; init; } = new();
    public TelemetryOptions Telemetry { get; init; } = new();
    public DeliveryOptions Delivery { get; init; } = new();
    public SmtpOptions Smtp { get; init; } = new();
    public ConsoleOptions Console { get; init; } = new();
    public PublicOptions Public { get; init; } = new();
}
