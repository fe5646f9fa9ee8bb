using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Aggregator.Tests.Configuration;

/// <summary>Key paths (<c>settings.polling.timeout</c>, <c>feeds.url</c>) of a schema or a YAML document; list entries have no index.</summary>
internal static class SchemaKeyPaths
{
    public static SortedSet<string> Of(JsonObject schema)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Walk(schema, string.Empty, paths);
        return paths;
    }

    /// <summary>The object schema at a key path.</summary>
    public static JsonObject At(JsonObject schema, string path)
    {
        var node = schema;
        foreach (var key in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node["properties"]![key]!.AsObject();
            if (node["items"] is JsonObject items) node = items;
        }
        return node;
    }

    public static SortedSet<string> Of(YamlNode yaml)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Walk(yaml, string.Empty, paths);
        return paths;
    }

    private static void Walk(JsonObject schema, string path, SortedSet<string> paths)
    {
        if (schema["properties"] is not JsonObject properties) return;
        foreach (var (key, value) in properties)
        {
            var keyPath = path.Length == 0 ? key : $"{path}.{key}";
            paths.Add(keyPath);
            var child = value!.AsObject();
            Walk(child["items"] is JsonObject items ? items : child, keyPath, paths);
        }
    }

    private static void Walk(YamlNode node, string path, SortedSet<string> paths)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var keyPath = path.Length == 0 ? ((YamlScalarNode)key).Value! : $"{path}.{((YamlScalarNode)key).Value}";
                    paths.Add(keyPath);
                    Walk(value, keyPath, paths);
                }
                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children) Walk(child, path, paths);
                break;
        }
    }
}
