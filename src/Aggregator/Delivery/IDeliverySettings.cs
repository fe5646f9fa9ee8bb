using Aggregator.Configuration;

namespace Aggregator.Delivery;

/// <summary>The delivery and SMTP settings in force now; read at every relay pass so a reload applies.</summary>
internal interface IDeliverySettings
{
    DeliveryOptions Delivery { get; }
    SmtpOptions Smtp { get; }

    /// <summary>Subscriber ids told about dead-lettered deliveries.</summary>
    IReadOnlyList<string> Operators { get; }
}
