using System.Text.Json.Nodes;

namespace Aggregator.Configuration.Schema;

/// <summary>
/// Where the YAML differs from the option records: computed properties the operator never writes, keys
/// named differently, list items with a syntax of their own, number ranges, and rules across keys. Each
/// entry mirrors a check in the matching <c>*Section</c> reader.
/// </summary>
internal static class SchemaShapes
{
    /// <summary>Properties the loader computes; they have no key.</summary>
    public static bool IsComputed(Type type, string property) => (type.Name, property) switch
    {
        (nameof(AggregatorConfig), nameof(AggregatorConfig.Directory)) => true,
        (nameof(FeedDefinition), nameof(FeedDefinition.Location)) => true,
        (nameof(WebhookTarget), nameof(WebhookTarget.Endpoint)) => true,
        (nameof(PublicOptions), nameof(PublicOptions.Enabled)) => true,
        _ => false,
    };

    /// <summary>The keys and value schemas for a property whose YAML is not the default mapping of its CLR type; null otherwise.</summary>
    public static IReadOnlyList<(string Key, JsonObject Schema)>? Special(Type type, string property) => (type.Name, property) switch
    {
        (nameof(SubscriberDefinition), nameof(SubscriberDefinition.TimeZone)) =>
            [("timezone", new JsonObject { ["type"] = "string" })],
        (nameof(WebhookTarget), nameof(WebhookTarget.Secrets)) =>
            [("secret", SchemaTypes.ListOf(SchemaTypes.Ref("secret"))), ("secrets", SchemaTypes.ListOf(SchemaTypes.Ref("secret")))],
        (nameof(PollingOptions), nameof(PollingOptions.MaxBodySize)) => [("maxBodySize", SchemaTypes.Ref("size"))],
        (nameof(PollingOptions), nameof(PollingOptions.MaxRedirects)) => [("maxRedirects", SchemaTypes.Integer(0, 50))],
        (nameof(PollingOptions), nameof(PollingOptions.PerHostConcurrency)) => [("perHostConcurrency", SchemaTypes.Integer(1, 1000))],
        (nameof(PollingOptions), nameof(PollingOptions.Concurrency)) => [("concurrency", SchemaTypes.Integer(1, 10_000))],
        (nameof(SmtpOptions), nameof(SmtpOptions.Port)) => [("port", SchemaTypes.Integer(1, 65535))],
        (nameof(AlertOptions), nameof(AlertOptions.FeedFailingAfter)) => [("feedFailingAfter", SchemaTypes.Integer(1, 10_000))],
        (nameof(WebhookTarget), nameof(WebhookTarget.Url)) => [("url", SchemaTypes.Ref("httpUrl"))],
        (nameof(TelemetryOptions), nameof(TelemetryOptions.OtlpEndpoint)) =>
            [("otlpEndpoint", new JsonObject { ["anyOf"] = new JsonArray(SchemaTypes.Ref("httpUrl"), new JsonObject { ["const"] = "" }) })],
        (nameof(ArchiveOptions), nameof(ArchiveOptions.Keep)) =>
            [("keep", new JsonObject { ["anyOf"] = new JsonArray(SchemaTypes.Ref("duration"), new JsonObject { ["const"] = "0" }) })],
        (nameof(AlertOptions), nameof(AlertOptions.StoryWindow)) =>
            [("storyWindow", new JsonObject { ["anyOf"] = new JsonArray(SchemaTypes.Ref("duration"), new JsonObject { ["const"] = "off" }) })],
        (nameof(FeedDefinition), nameof(FeedDefinition.Tags)) => [("tags", SchemaTypes.ListOf(SchemaTypes.Ref("id")))],
        (nameof(AlertOptions), nameof(AlertOptions.Operators)) => [("operators", SchemaTypes.ListOf(SchemaTypes.Ref("id")))],
        (nameof(RuleConfig), nameof(RuleConfig.Notify)) => [("notify", SchemaTypes.ListOf(SchemaTypes.Ref("id")))],
        (nameof(RuleConfig), nameof(RuleConfig.Feeds)) => [("feeds", NonEmptyList(SchemaTypes.Ref("feedReference")))],
        (_, "Id") => [("id", SchemaTypes.Ref("id"))],
        _ => null,
    };

    /// <summary>Rules that involve several keys of one entry.</summary>
    public static void AddConstraints(Type type, JsonObject schema)
    {
        switch (type.Name)
        {
            case nameof(FeedDefinition):
                schema["not"] = new JsonObject { ["required"] = new JsonArray("every", "cron") };
                break;
            case nameof(SubscriberDefinition):
                schema["anyOf"] = new JsonArray(Required("email"), Required("webhook"));
                break;
            case nameof(WebhookTarget):
                schema["oneOf"] = new JsonArray(Required("secret"), Required("secrets"));
                break;
        }
    }

    private static JsonObject Required(string key) => new() { ["required"] = new JsonArray(key) };

    /// <summary>An empty list is an error: the operator must say whether they mean no feed or every feed.</summary>
    private static JsonObject NonEmptyList(JsonObject item) => new()
    {
        ["anyOf"] = new JsonArray(item.DeepClone(), new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = item }),
    };
}
