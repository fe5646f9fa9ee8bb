using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aggregator.Core.Alerts;

namespace Aggregator.Configuration.Schema;

/// <summary>
/// Generates the JSON Schema of the YAML config (<c>config/aggregator.schema.json</c>) from the option
/// records, so editors check keys and values as the operator types. It describes the YAML, not the CLR
/// shapes: camelCase keys, unknown keys refused, durations, sizes and choices as the loader spells them.
/// </summary>
internal static class ConfigSchema
{
    public const string FileName = "aggregator.schema.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        // The file is read by editors, not embedded in HTML: keep '<', '+' and quotes readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject Generate()
    {
        var root = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "Aggregator configuration file",
            ["description"] = "One file of the config directory; the directory's *.yaml and *.yml files are merged.",
        };
        var body = ObjectOf(typeof(AggregatorConfig), string.Empty);
        foreach (var (key, value) in body) root[key] = value?.DeepClone();
        root["definitions"] = SchemaTypes.Definitions();
        return root;
    }

    /// <summary>The schema as written to the file: two-space indents, LF line ends, a final newline.</summary>
    public static string Serialize() => Generate().ToJsonString(Json) + "\n";

    private static JsonObject ObjectOf(Type type, string path)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            if (SchemaShapes.IsComputed(type, property.Name)) continue;
            var keys = SchemaShapes.Special(type, property.Name) ?? [(CamelCase(property.Name), ValueOf(property.PropertyType, Join(path, CamelCase(property.Name))))];
            foreach (var (key, schema) in keys)
            {
                var keyPath = Join(path, key);
                var described = new JsonObject { ["description"] = SchemaDescriptions.For(keyPath) };
                // Draft-07 ignores the siblings of a $ref, so a bare reference is wrapped to keep the description and default.
                if (schema.ContainsKey("$ref")) described["allOf"] = new JsonArray(schema.DeepClone());
                else foreach (var (name, value) in schema) described[name] = value?.DeepClone();
                if (DefaultOf(type, property) is { } value2) described["default"] = value2;
                properties[key] = described;
                if (property.IsDefined(typeof(RequiredMemberAttribute))) required.Add(key);
            }
        }
        var result = new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = properties };
        if (required.Count > 0) result["required"] = required;
        SchemaShapes.AddConstraints(type, result);
        return result;
    }

    private static JsonObject ValueOf(Type type, string path)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(TimeSpan)) return SchemaTypes.Ref("duration");
        if (type == typeof(bool)) return SchemaTypes.Ref("boolean");
        if (type == typeof(string) || type == typeof(Uri)) return SchemaTypes.Ref("string");
        if (type == typeof(DigestSchedule)) return SchemaTypes.Ref("digest");
        if (type.IsEnum) return SchemaTypes.Choice(type);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var item = type.GetGenericArguments()[0];
            // A network is written as a string (address/prefix).
            return item == typeof(string) || item == typeof(IPNetwork)
                ? SchemaTypes.ListOf(SchemaTypes.Ref("string"))
                : new JsonObject { ["type"] = "array", ["items"] = ObjectOf(item, path) };
        }
        if (type.IsClass && type.Namespace == typeof(AggregatorConfig).Namespace) return ObjectOf(type, path);
        // A new option type needs a YAML syntax decided on purpose (see SchemaShapes), not a guess.
        throw new NotSupportedException($"no schema mapping for {type.Name} at '{path}'");
    }

    /// <summary>The default of a settings key, as the operator would write it; entries of lists have none.</summary>
    private static JsonNode? DefaultOf(Type type, PropertyInfo property)
    {
        if (type.GetConstructor(Type.EmptyTypes) is null || type.GetProperties().Any(p => p.IsDefined(typeof(RequiredMemberAttribute)))) return null;
        return property.GetValue(Activator.CreateInstance(type)) switch
        {
            TimeSpan span => Core.Durations.Format(span),
            bool flag => flag,
            int number => number,
            long bytes when bytes % (1L << 20) == 0 => $"{bytes >> 20}MiB",
            long bytes => bytes,
            Enum choice => choice.ToString().ToLowerInvariant(),
            string text => text,
            _ => null,
        };
    }

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
