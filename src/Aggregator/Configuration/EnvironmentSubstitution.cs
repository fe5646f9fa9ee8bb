namespace Aggregator.Configuration;

/// <summary>
/// Expands <c>${NAME}</c> and <c>${NAME:-default}</c> in a scalar value; <c>$${</c> stands for a literal
/// <c>${</c>. As in a shell, the default applies when the variable is unset or empty.
/// </summary>
internal static class EnvironmentSubstitution
{
    /// <summary>A problem at <paramref name="Offset"/> (0-based) within the value.</summary>
    public readonly record struct Problem(int Offset, string Message);

    public static string Expand(string text, Func<string, string?> lookup, List<Problem> problems)
    {
        if (!text.Contains('$', StringComparison.Ordinal)) return text;

        var result = new System.Text.StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '$' || i + 1 >= text.Length)
            {
                result.Append(text[i++]);
                continue;
            }
            if (text[i + 1] == '$' && i + 2 < text.Length && text[i + 2] == '{')
            {
                result.Append("${");
                i += 3;
                continue;
            }
            if (text[i + 1] != '{')
            {
                result.Append(text[i++]);
                continue;
            }
            var close = text.IndexOf('}', i + 2);
            if (close < 0)
            {
                problems.Add(new(i, "unterminated '${' (write '$${' for a literal '${')"));
                return result.Append(text, i, text.Length - i).ToString();
            }
            result.Append(Resolve(text[(i + 2)..close], i, lookup, problems));
            i = close + 1;
        }
        return result.ToString();
    }

    private static string Resolve(string inner, int offset, Func<string, string?> lookup, List<Problem> problems)
    {
        var separator = inner.IndexOf(":-", StringComparison.Ordinal);
        var name = separator < 0 ? inner : inner[..separator];
        if (!IsName(name))
        {
            problems.Add(new(offset, $"invalid environment variable reference '${{{inner}}}': expected ${{NAME}} or ${{NAME:-default}}"));
            return string.Empty;
        }
        var value = lookup(name);
        if (separator >= 0) return string.IsNullOrEmpty(value) ? inner[(separator + 2)..] : value;
        if (value is null) problems.Add(new(offset, $"environment variable {name} is not set"));
        return value ?? string.Empty;
    }

    private static bool IsName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
