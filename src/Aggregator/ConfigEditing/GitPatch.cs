using System.Globalization;
using System.Text;
using DiffPlex;
using DiffPlex.Model;

namespace Aggregator.ConfigEditing;

/// <summary>
/// A unified diff of config file changes that <c>git apply</c> accepts in the config directory: the
/// review an operator reads before an edit is written, and the patch they apply where the console may not write.
/// </summary>
internal static class GitPatch
{
    private const int Context = 3;
    private const string NoNewLine = "\\ No newline at end of file\n";

    /// <summary>The files' diffs one after the other; files that did not change are left out.</summary>
    public static string Create(IEnumerable<ConfigFileChange> changes)
    {
        var patch = new StringBuilder();
        foreach (var change in changes.Where(c => c.Before != c.After)) AppendFile(patch, change);
        return patch.ToString();
    }

    public static string Create(params ConfigFileChange[] changes) => Create(changes.AsEnumerable());

    private static void AppendFile(StringBuilder patch, ConfigFileChange change)
    {
        var path = change.RelativePath.Replace('\\', '/');
        patch.Append(CultureInfo.InvariantCulture, $"diff --git a/{path} b/{path}\n");
        if (change.Before is null) patch.Append("new file mode 100644\n--- /dev/null\n");
        else patch.Append(CultureInfo.InvariantCulture, $"--- a/{path}\n");
        patch.Append(CultureInfo.InvariantCulture, $"+++ b/{path}\n");

        var before = LineChunker.Instance.Chunk(change.Before ?? string.Empty);
        var after = LineChunker.Instance.Chunk(change.After);
        var blocks = Differ.Instance.CreateDiffs(change.Before ?? string.Empty, change.After, ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance).DiffBlocks;
        foreach (var hunk in Hunks(blocks)) AppendHunk(patch, hunk, before, after);
    }

    /// <summary>Changes closer than twice the context share one hunk, as in git's own diffs.</summary>
    private static List<List<DiffBlock>> Hunks(IList<DiffBlock> blocks)
    {
        var hunks = new List<List<DiffBlock>>();
        foreach (var block in blocks)
        {
            if (hunks.Count > 0 && block.DeleteStartA - End(hunks[^1][^1]) <= 2 * Context) hunks[^1].Add(block);
            else hunks.Add([block]);
        }
        return hunks;
    }

    private static int End(DiffBlock block) => block.DeleteStartA + block.DeleteCountA;

    private static void AppendHunk(StringBuilder patch, List<DiffBlock> hunk, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var first = hunk[0];
        var last = hunk[^1];
        var oldStart = Math.Max(0, first.DeleteStartA - Context);
        var newStart = first.InsertStartB - (first.DeleteStartA - oldStart);
        var oldEnd = Math.Min(before.Count, End(last) + Context);
        var newEnd = last.InsertStartB + last.InsertCountB + (oldEnd - End(last));
        patch.Append(CultureInfo.InvariantCulture, $"@@ -{Range(oldStart, oldEnd - oldStart)} +{Range(newStart, newEnd - newStart)} @@\n");

        var line = oldStart;
        foreach (var block in hunk)
        {
            for (; line < block.DeleteStartA; line++) AppendLine(patch, ' ', before[line]);
            for (var i = 0; i < block.DeleteCountA; i++) AppendLine(patch, '-', before[block.DeleteStartA + i]);
            for (var i = 0; i < block.InsertCountB; i++) AppendLine(patch, '+', after[block.InsertStartB + i]);
            line = End(block);
        }
        for (; line < oldEnd; line++) AppendLine(patch, ' ', before[line]);
    }

    /// <summary>The 1-based first line and the count; an empty range names the line before it.</summary>
    private static string Range(int start, int count) => count switch
    {
        0 => $"{start},0",
        1 => $"{start + 1}",
        _ => $"{start + 1},{count}",
    };

    private static void AppendLine(StringBuilder patch, char prefix, string line)
    {
        patch.Append(prefix).Append(line);
        if (!line.EndsWith('\n')) patch.Append('\n').Append(NoNewLine);
    }

    /// <summary>Lines with their own line breaks, so a changed line ending or a missing final break is a change too.</summary>
    private sealed class LineChunker : IChunker
    {
        public static readonly LineChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text)
        {
            var lines = new List<string>();
            var start = 0;
            while (start < text.Length)
            {
                var newline = text.IndexOf('\n', start);
                var end = newline < 0 ? text.Length : newline + 1;
                lines.Add(text[start..end]);
                start = end;
            }
            return lines;
        }
    }
}
