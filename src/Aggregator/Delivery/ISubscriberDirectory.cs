using Aggregator.Configuration;

namespace Aggregator.Delivery;

/// <summary>The subscribers of the configuration in force now; a reload changes the answers.</summary>
internal interface ISubscriberDirectory
{
    /// <summary>Null when the subscriber is no longer configured.</summary>
    SubscriberDefinition? Find(string id);
}
