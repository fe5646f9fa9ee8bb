using System.Text.RegularExpressions;

namespace Aggregator.Core.Tests.Rendering;

internal static partial class Markup
{
    /// <summary>The HTML without its inline styles, so assertions read as the markup's structure.</summary>
    public static string Unstyled(string html) => StyleAttribute().Replace(html, "");

    [GeneratedRegex(" style=\"[^\"]*\"")]
    private static partial Regex StyleAttribute();
}
