using System.Text.Json.Nodes;

namespace Aggregator.Configuration.Schema;

/// <summary>
/// The value syntaxes of the YAML config as JSON Schema definitions. Every scalar may instead hold a
/// <c>${NAME}</c> reference, which is only expanded when the file is loaded, so each pattern lets one through.
/// </summary>
internal static class SchemaTypes
{
    /// <summary>The alternative every pattern carries: a value that holds a <c>${NAME}</c> reference.</summary>
    public const string EnvAlternative = @".*\$\{.*";

    public const string DurationPattern = @"\d+(\.\d+)?(ms|s|m|h|d)";
    public const string IdPattern = "[a-z0-9][a-z0-9_-]*";
    private const string Time = @"([01]?\d|2[0-3]):[0-5]\d";
    private const string Day = "(mon(day)?|tue(sday)?|wed(nesday)?|thu(rsday)?|fri(day)?|sat(urday)?|sun(day)?)";

    public static string Pattern(string syntax) => $"^({syntax}|{EnvAlternative})$";

    public static JsonObject Ref(string name) => new() { ["$ref"] = $"#/definitions/{name}" };

    public static JsonObject Definitions() => new()
    {
        ["env"] = new JsonObject
        {
            ["type"] = "string",
            ["pattern"] = @"\$\{",
            ["description"] = "A ${NAME} or ${NAME:-default} reference, replaced by the environment variable when the file is loaded.",
        },
        ["duration"] = PatternString(DurationPattern, "A duration: a number followed by ms, s, m, h or d (500ms, 30s, 5m, 2h, 7d)."),
        ["size"] = new JsonObject
        {
            ["description"] = "A size in bytes, or a number followed by KiB, MiB or GiB (512KiB, 15MiB).",
            ["anyOf"] = new JsonArray(
                new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
                new JsonObject { ["type"] = "string", ["pattern"] = Pattern(@"\d+(KiB|MiB|GiB)?") }),
        },
        ["boolean"] = OrEnv(new JsonObject { ["type"] = "boolean" }, "true or false."),
        ["id"] = PatternString(IdPattern, "An id: lowercase letters, digits, '-' and '_', starting with a letter or digit; unique across files."),
        ["feedReference"] = PatternString($"(tag:)?{IdPattern}", "A feed id, or tag:<tag> for every feed with that tag."),
        ["digest"] = PatternString(
            $@"immediate|every +{DurationPattern}|daily +{Time}|weekly +{Day} +{Time}",
            "immediate, every <duration of 1m or more>, daily HH:MM or weekly <day> HH:MM."),
        ["secret"] = PatternString("whsec_[A-Za-z0-9+/]+=*", "A Standard Webhooks secret: whsec_ followed by base64. Keep it in the environment: ${NAME}."),
        ["httpUrl"] = PatternString(@"https?://\S+", "An http or https URL."),
        ["string"] = new JsonObject { ["type"] = "string" },
    };

    /// <summary>A list, or a single value taken as a list of one, as the loader reads every list.</summary>
    public static JsonObject ListOf(JsonObject item) => new()
    {
        ["anyOf"] = new JsonArray(item.DeepClone(), new JsonObject { ["type"] = "array", ["items"] = item }),
    };

    public static JsonObject Integer(int minimum, int maximum) =>
        OrEnv(new JsonObject { ["type"] = "integer", ["minimum"] = minimum, ["maximum"] = maximum }, null);

    /// <summary>An enum's members as the lowercase words the loader accepts.</summary>
    public static JsonObject Choice(Type enumType) =>
        OrEnv(new JsonObject { ["enum"] = new JsonArray([.. Enum.GetNames(enumType).Select(n => JsonValue.Create(n.ToLowerInvariant()))]) }, null);

    private static JsonObject PatternString(string syntax, string description) => new()
    {
        ["type"] = "string",
        ["pattern"] = Pattern(syntax),
        ["description"] = description,
    };

    private static JsonObject OrEnv(JsonObject schema, string? description)
    {
        var result = new JsonObject();
        if (description is not null) result["description"] = description;
        result["anyOf"] = new JsonArray(schema, Ref("env"));
        return result;
    }
}
