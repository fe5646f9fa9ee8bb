namespace Aggregator.Storage;

/// <summary>The words an enum's values are stored under: stable, unlike enum numbers, and readable in the database.</summary>
internal sealed class StoredNames<T>(string what, params (T Value, string Name)[] names) where T : struct, Enum
{
    private readonly Dictionary<T, string> _byValue = names.ToDictionary(n => n.Value, n => n.Name);
    private readonly Dictionary<string, T> _byName = names.ToDictionary(n => n.Name, n => n.Value, StringComparer.Ordinal);

    public string Name(T value) =>
        _byValue.TryGetValue(value, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a stored {what}");

    public T Parse(string name) =>
        _byName.TryGetValue(name, out var value) ? value : throw new FormatException($"unknown {what} '{name}'");
}
