using System.Globalization;
using Aggregator.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Aggregator.Configuration;

/// <summary>
/// Reads typed values out of one file's YAML nodes. Every failure becomes a diagnostic at the node's
/// position and a null result, so reading carries on and reports everything in one pass.
/// </summary>
internal sealed class ConfigNodeReader(string path, DiagnosticBag diagnostics, Func<string, string?> environment)
{
    public string Path => path;

    public DiagnosticBag Diagnostics => diagnostics;

    public SourceLocation At(YamlNode node) => SourceLocation.At(path, node.Start);

    public void Error(YamlNode node, string message) => diagnostics.Error(At(node), message);

    public void Warning(YamlNode node, string message) => diagnostics.Warning(At(node), message);

    /// <summary>Where the text of a scalar starts: after the opening quote, if any.</summary>
    public SourceLocation TextStart(YamlScalarNode node) =>
        At(node).Shift(node.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0);

    /// <summary>The entries of a mapping with scalar keys in <paramref name="allowed"/>; others are reported.</summary>
    public IEnumerable<(string Key, YamlScalarNode KeyNode, YamlNode Value)> Entries(YamlMappingNode mapping, string where, IReadOnlyCollection<string> allowed)
    {
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalarKey)
            {
                Error(keyNode, $"keys in {where} must be plain names");
                continue;
            }
            if (!allowed.Contains(key))
            {
                Error(keyNode, $"unknown key {Excerpt.Quote(key)} in {where}{KeySuggestion.Hint(key, allowed)}");
                continue;
            }
            yield return (key, scalarKey, value);
        }
    }

    public YamlMappingNode? Mapping(YamlNode node, Subject what)
    {
        if (node is YamlMappingNode mapping) return mapping;
        if (IsNull(node)) return new YamlMappingNode();
        Error(node, $"expected a mapping (key: value) for {what}, found {Describe(node)}");
        return null;
    }

    public YamlSequenceNode? Sequence(YamlNode node, Subject what)
    {
        if (node is YamlSequenceNode sequence) return sequence;
        if (IsNull(node)) return new YamlSequenceNode();
        Error(node, $"expected a list for {what}, found {Describe(node)}");
        return null;
    }

    /// <summary>A scalar's text with <c>${NAME}</c> references expanded.</summary>
    public string? Text(YamlNode node, Subject what)
    {
        if (node is not YamlScalarNode scalar)
        {
            Error(node, $"expected a single value for {what}, found {Describe(node)}");
            return null;
        }
        if (IsNull(scalar)) return string.Empty;
        var value = scalar.Value ?? string.Empty;
        // Nothing to expand, the common case: no list of problems to allocate.
        if (!value.Contains('$', StringComparison.Ordinal)) return value;
        var problems = new List<EnvironmentSubstitution.Problem>();
        var text = EnvironmentSubstitution.Expand(value, environment, problems);
        foreach (var problem in problems) diagnostics.Error(TextStart(scalar).Shift(problem.Offset), problem.Message);
        return problems.Count == 0 ? text : null;
    }

    /// <summary>A list of scalars; a single scalar is taken as a list of one.</summary>
    public IReadOnlyList<Located<string>>? List(YamlNode node, Subject what)
    {
        if (node is YamlScalarNode && !IsNull(node))
            return Text(node, what) is { } single ? [new(single, At(node))] : null;
        if (Sequence(node, what) is not { } sequence) return null;
        var items = new List<Located<string>>(sequence.Children.Count);
        var ok = true;
        foreach (var child in sequence.Children)
        {
            if (Text(child, what.Item) is { } text) items.Add(new(text, At(child)));
            else ok = false;
        }
        return ok ? items : null;
    }

    public bool? Boolean(YamlNode node, Subject what) => Value(node, what) switch
    {
        null => null,
        var t when t.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        var t when t.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        var t => Fail<bool>(node, $"invalid value {Excerpt.Quote(t)} for {what}: expected true or false"),
    };

    public int? Integer(YamlNode node, Subject what, int min, int max)
    {
        if (Value(node, what) is not { } text) return null;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return Fail<int>(node, $"invalid value {Excerpt.Quote(text)} for {what}: expected a whole number");
        if (value < min || value > max)
            return Fail<int>(node, max == int.MaxValue ? $"{what} must be at least {min}, not {value}" : $"{what} must be between {min} and {max}, not {value}");
        return value;
    }

    /// <summary>A duration within <paramref name="range"/>: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>2h</c>, <c>7d</c>.</summary>
    public TimeSpan? Duration(YamlNode node, Subject what, (TimeSpan Min, TimeSpan Max) range)
    {
        var (min, max) = range;
        if (Value(node, what) is not { } text) return null;
        if (!Durations.TryParse(text, out var value))
            return Fail<TimeSpan>(node, $"invalid duration {Excerpt.Quote(text)} for {what}: expected a number followed by ms, s, m, h or d (e.g. 30s, 5m, 2h)");
        return value >= min && value <= max
            ? value
            : Fail<TimeSpan>(node, $"{what} must be from {Durations.Format(min)} to {Durations.Format(max)}, not {Excerpt.Quote(text)}");
    }

    /// <summary>A size in bytes within <paramref name="range"/>: plain bytes, or <c>512KiB</c>, <c>15MiB</c>, <c>1GiB</c>.</summary>
    public long? Size(YamlNode node, Subject what, (long Min, long Max) range)
    {
        var (min, max) = range;
        if (Value(node, what) is not { } text) return null;
        if (!Sizes.TryParse(text, out var value))
            return Fail<long>(node, $"invalid size {Excerpt.Quote(text)} for {what}: expected bytes or a number followed by KiB, MiB or GiB (e.g. 512KiB, 15MiB)");
        return value >= min && value <= max
            ? value
            : Fail<long>(node, $"{what} must be from {Sizes.Format(min)} to {Sizes.Format(max)}, not {Excerpt.Quote(text)}");
    }

    /// <summary>One of <typeparamref name="T"/>'s members, written as its name in lowercase (as the schema lists them).</summary>
    public T? Choice<T>(YamlNode node, Subject what)
        where T : struct, Enum
    {
        if (Value(node, what) is not { } text) return null;
        var choices = Enum.GetValues<T>().ToDictionary(v => v.ToString().ToLowerInvariant(), StringComparer.Ordinal);
        if (choices.TryGetValue(text.ToLowerInvariant(), out var value)) return value;
        var words = choices.Keys.ToList();
        var expected = words.Count > 1 ? $"{string.Join(", ", words[..^1])} or {words[^1]}" : words[0];
        return Fail<T>(node, $"invalid value {Excerpt.Quote(text)} for {what}: expected {expected}{KeySuggestion.Hint(text, choices.Keys)}");
    }

    /// <summary>A non-empty scalar's text; an empty one is reported as missing.</summary>
    private string? Value(YamlNode node, Subject what)
    {
        var text = Text(node, what);
        if (text is not { Length: 0 }) return text;
        Error(node, $"{what} has no value");
        return null;
    }

    private T? Fail<T>(YamlNode node, string message)
        where T : struct
    {
        Error(node, message);
        return null;
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" };

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s => Excerpt.Quote(s.Value),
        _ => "something else",
    };
}
