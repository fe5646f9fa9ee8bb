using Aggregator.Configuration;
using Aggregator.Delivery;
using Aggregator.Storage;
using Aggregator.Storage.Sqlite;
using Aggregator.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Aggregator.Tests.Delivery;

/// <summary>
/// The delivery side wired as the host wires it (<c>AddDelivery</c>) over a real SQLite file, with a fake
/// clock. <see cref="Config"/> can be swapped mid-test, as a reload swaps the <see cref="ActiveConfig"/>.
/// </summary>
internal sealed class DeliveryHarness : IAsyncDisposable
{
    private readonly TempDatabase _db = new();
    private ServiceProvider? _services;
    private ActiveConfig? _active;

    private DeliveryHarness()
    {
    }

    public FakeTimeProvider Time { get; } = new(TestAlerts.Start);

    public AggregatorConfig Config
    {
        get => _active!.Current.Config;
        set => _active!.Swap(ConfigSnapshot.Create(value));
    }

    public SqliteStateStore Store { get; private set; } = null!;

    public DeliveryRelay Relay { get; private set; } = null!;

    public IServiceProvider Services => _services!;

    public string MailDirectory => Path.Combine(_db.Directory, "mail");

    public static async Task<DeliveryHarness> CreateAsync(Func<DeliveryHarness, AggregatorConfig> config)
    {
        var harness = new DeliveryHarness();
        harness._active = new ActiveConfig(ConfigSnapshot.Create(config(harness)));
        harness.Store = await harness._db.OpenAsync(harness.Time);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(harness.Time)
            .AddSingleton(harness._active)
            .AddSingleton<IOutbox>(harness.Store)
            .AddSingleton<ISubscriberChoiceReads>(harness.Store.Choices)
            .AddDelivery();
        harness._services = services.BuildServiceProvider();
        harness.Relay = harness._services.GetRequiredService<DeliveryRelay>();
        return harness;
    }

    public static AggregatorConfig MakeConfig(SmtpOptions smtp, DeliveryOptions? delivery = null, params SubscriberDefinition[] subscribers) => new()
    {
        Directory = Path.GetTempPath(),
        // Lets the webhook guard through to the tests' loopback receivers.
        Settings = new SettingsOptions { Smtp = smtp, Delivery = delivery ?? new DeliveryOptions(), Network = new NetworkOptions { AllowedPrivateNetworks = [System.Net.IPNetwork.Parse("127.0.0.0/8")] } },
        Subscribers = subscribers,
    };

    /// <summary><paramref name="config"/> with subscriber links on (nothing serves them: the messages only carry them).</summary>
    public static AggregatorConfig WithLinks(AggregatorConfig config) => config with
    {
        Settings = config.Settings with { Public = new PublicOptions { BaseUrl = "http://127.0.0.1:9", LinkSecret = "q7Vt2mXc9LpR4sWz8KdN1bYf6HgJ3eUa" } },
    };

    public static SmtpOptions Smtp(int port) => new() { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, From = "Aggregator <alerts@example.org>" };

    public SmtpOptions Pickup() => new() { Host = string.Empty, PickupDirectory = MailDirectory, From = "Aggregator <alerts@example.org>" };

    public async Task<int> QueueAsync(params OutboxDraft[] drafts)
    {
        var items = drafts.GroupBy(d => d.Alert.Item.Key).Select(g => (g.Key, g.ToArray())).ToArray();
        return await Store.CommitPollAsync(TestAlerts.Commit(drafts[0].Alert.Feed.Id, items), TestContext.Current.CancellationToken);
    }

    public Task<int> RunAsync() => Relay.RunOnceAsync(TestContext.Current.CancellationToken);

    public async Task<DeliveryCounts> CountsAsync(string subscriberId, DeliveryChannel channel) =>
        (await Store.CountDeliveriesAsync(TestContext.Current.CancellationToken))
            .Single(c => c.SubscriberId == subscriberId && c.Channel == channel);

    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        _db.Dispose();
    }
}
