using Aggregator.Core.Opml;

namespace Aggregator.ConfigEditing;

/// <summary>An OPML import as an edit of a feeds file: each planned feed appended as a <c>feeds</c> entry in the file's own style.</summary>
internal static class OpmlImport
{
    public static Func<string, string> Edit(string file, OpmlImportPlan plan) => text =>
    {
        foreach (var feed in plan.NewFeeds)
        {
            List<YamlEntryKey> keys = [new("id", YamlValue.Scalar(feed.Id)), new("url", YamlValue.Scalar(feed.Url))];
            if (feed.Tags.Count > 0) keys.Add(new("tags", YamlValue.List(feed.Tags)));
            var result = new YamlFileEdit(file, text).AppendEntry("feeds", keys);
            text = result.Text ?? throw new ConfigEditException(result.Error!);
        }
        return text;
    };
}
