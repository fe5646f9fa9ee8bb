using System.Text.Encodings.Web;
using System.Text.Json;

namespace Aggregator.Commands;

internal static class CommandJson
{
    /// <summary>camelCase, nulls kept (the contract lists every key), non-ASCII text unescaped for readability.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
