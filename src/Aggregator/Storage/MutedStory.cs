using System.Buffers.Text;
using Aggregator.Core.Stories;

namespace Aggregator.Storage;

/// <summary>
/// The stored value of a muted story: the story's print, which every copy of it compares as the same story with, and the
/// words the subscriber recognises it by (its link or title), so the preferences page can list it.
/// </summary>
internal static class MutedStory
{
    public static string Value(StoryPrint print, string label) => $"{Base64Url.EncodeToString(print.ToBytes())} {label}";

    /// <summary>The print and label of a stored value; no print when the value is not one (it is then its own label).</summary>
    public static (StoryPrint? Print, string Label) Parse(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        try
        {
            return space > 0 ? (StoryPrint.FromBytes(Base64Url.DecodeFromChars(value.AsSpan(0, space))), value[(space + 1)..]) : (null, value);
        }
        catch (FormatException)
        {
            return (null, value);
        }
    }
}
