using Aggregator.Configuration;
using Aggregator.Core.Alerts;

namespace Aggregator.Delivery;

/// <summary>
/// One message to send: a single alert, or a digest of several. <see cref="MessageId"/> is the same on
/// every attempt (the alert id, or a digest id derived from its alert ids), so a receiver can tell a resend.
/// </summary>
/// <param name="Timestamp">The event time shown in the message: when the alert was found, or the digest window's end.</param>
/// <param name="Recipients">The email addresses still to reach after an earlier attempt reached the others; null: all.</param>
/// <param name="Part">Set on a part of a digest too large to go out whole; its id then comes from the part's own alerts.</param>
/// <param name="Address">
/// Set when each of the subscriber's addresses gets a message of its own (its links then act for that address alone):
/// the one address this message goes to.
/// </param>
internal sealed record DeliveryEnvelope(
    string MessageId,
    SubscriberDefinition Subscriber,
    IReadOnlyList<Alert> Alerts,
    bool IsDigest,
    DateTimeOffset Timestamp,
    IReadOnlyList<string>? Recipients = null,
    DigestPart? Part = null,
    string? Address = null)
{
    /// <summary>
    /// The id of the message itself: <see cref="MessageId"/>, with a tag of the address when the message goes to one
    /// address of several, so each address's copy has its own id and every resend to that address the same one.
    /// </summary>
    public string SendId => Address is null ? MessageId : $"{MessageId}.{AddressTag(Address)}";

    private static string AddressTag(string address) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(address.Trim().ToLowerInvariant())))[..12];

    /// <summary>The envelope of these alerts of the digest as part <paramref name="number"/> of <paramref name="count"/>.</summary>
    public DeliveryEnvelope PartOf(IReadOnlyList<Alert> alerts, int number, int count) => this with
    {
        MessageId = DigestIds.For(alerts.Select(a => a.AlertId)),
        Alerts = alerts,
        Part = new DigestPart(number, count),
    };
}
