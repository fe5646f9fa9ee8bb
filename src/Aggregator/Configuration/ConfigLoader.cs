using System.Text;
using System.Text.RegularExpressions;
using Aggregator.Core.Query;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Aggregator.Configuration;

/// <summary>
/// Loads a config directory: every <c>*.yaml</c>/<c>*.yml</c> file in name order, merged and validated
/// as a whole. Every problem is reported with its <c>path:line:col</c>; the configuration is returned
/// only when there is no error, so a bad edit is never half-applied.
/// </summary>
internal sealed partial class ConfigLoader
{
    internal static readonly string[] Sections = ["settings", "feeds", "rules", "subscribers"];
    private readonly Func<string, string?> _environment;
    private readonly Func<string, IReadOnlyList<QueryWarning>> _checkQuery;
    private readonly TimeProvider _time;

    /// <param name="environment">Looks up <c>${NAME}</c> references; the process environment by default.</param>
    /// <param name="validateQuery">
    /// Throws <see cref="QuerySyntaxException"/> for an invalid query. By default <see cref="RuleIndex.Warnings"/>, which
    /// also reports valid queries that deserve a warning (a regex without a literal prefilter).
    /// </param>
    /// <param name="time">The clock crons are checked against (whether they fire again, how often).</param>
    public ConfigLoader(Func<string, string?>? environment = null, Action<string>? validateQuery = null, TimeProvider? time = null)
    {
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _time = time ?? TimeProvider.System;
        _checkQuery = validateQuery is null ? RuleIndex.Warnings : query =>
        {
            validateQuery(query);
            return [];
        };
    }

    /// <param name="directory">As the operator gave it; diagnostics name files relative to it the same way.</param>
    /// <param name="overlay">
    /// Texts by full file path, read instead of those files on disk (a path not on disk is a new config file):
    /// an edit from the console is checked exactly as the same edit by hand would be, before it is written.
    /// </param>
    public ConfigLoadResult Load(string directory, IReadOnlyDictionary<string, string>? overlay = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var diagnostics = new DiagnosticBag();
        if (!Directory.Exists(directory))
        {
            diagnostics.Error(new(directory, 0, 0), "config directory not found");
            return new(null, diagnostics.Sorted());
        }

        var fullDirectory = Path.GetFullPath(directory);
        var settings = new SettingsSection();
        var feeds = new FeedsSection(fullDirectory, _time.GetUtcNow());
        var rules = new RulesSection(_checkQuery);
        var subscribers = new SubscribersSection();
        var overlaid = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in overlay ?? new Dictionary<string, string>()) overlaid[Path.GetFullPath(path)] = text;
        foreach (var file in ConfigFiles(directory, overlaid.Keys, diagnostics))
        {
            var reader = new ConfigNodeReader(file, diagnostics, _environment);
            if (Parse(file, overlaid.GetValueOrDefault(Path.GetFullPath(file)), diagnostics) is not { } root || reader.Mapping(root, "the top level of a config file") is not { } top) continue;
            try
            {
                foreach (var (section, _, node) in reader.Entries(top, "the top level (expected settings, feeds, rules or subscribers)", Sections))
                {
                    switch (section)
                    {
                        case "settings": settings.Read(node, reader); break;
                        case "feeds": feeds.Read(node, reader); break;
                        case "rules": rules.Read(node, reader); break;
                        default: subscribers.Read(node, reader); break;
                    }
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Whatever a value makes a check throw, the file is reported as invalid: a reload never dies of it.
                diagnostics.Error(new(file, 0, 0), $"could not be read: {e.GetType().Name}: {Excerpt.Quote(e.Message)}");
            }
        }

        var options = settings.Finish(diagnostics);
        var feedList = feeds.Finish(options.Polling, diagnostics);
        rules.CheckReferences(feeds.Ids, [.. feeds.Tags], subscribers.Ids, diagnostics);
        foreach (var op in settings.Operators.Where(op => !subscribers.Ids.Contains(op.Value)))
            diagnostics.Error(op.At, $"settings.alerts.operators names unknown subscriber {Excerpt.Quote(op.Value)}{KeySuggestion.Hint(op.Value, subscribers.Ids.All)}");

        var config = diagnostics.HasErrors ? null : new AggregatorConfig
        {
            Directory = fullDirectory,
            Settings = options,
            Feeds = feedList,
            Rules = rules.Rules,
            Subscribers = subscribers.Subscribers,
        };
        return new(config, diagnostics.Sorted());
    }

    /// <summary>
    /// The config files in ordinal name order, with the overlaid ones in this directory that are not on disk yet.
    /// Hidden files are skipped: editors write their lock and swap files (<c>.#feeds.yaml</c>) next to the real ones.
    /// </summary>
    private static string[] ConfigFiles(string directory, IEnumerable<string> overlaid, DiagnosticBag diagnostics)
    {
        try
        {
            var fullDirectory = Path.GetFullPath(directory);
            var added = overlaid.Where(f => Path.GetDirectoryName(f) == Path.TrimEndingDirectorySeparator(fullDirectory)).Select(f => Path.Combine(directory, Path.GetFileName(f)));
            return [.. Directory.EnumerateFiles(directory).Union(added, StringComparer.Ordinal)
                .Where(f => Path.GetExtension(f) is ".yaml" or ".yml" && !Path.GetFileName(f).StartsWith('.'))
                .Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(new(directory, 0, 0), $"cannot list the config directory: {e.Message}");
            return [];
        }
    }

    /// <param name="overlaid">The file's text when it comes from the overlay rather than the disk.</param>
    private static YamlNode? Parse(string file, string? overlaid, DiagnosticBag diagnostics)
    {
        // A symbolic link is followed to a regular file only; what it points at is named, never read.
        if (overlaid is null && RegularFile.Refusal(file) is { } refusal)
        {
            diagnostics.Error(new(file, 0, 0), refusal);
            return null;
        }
        var stream = new YamlStream();
        try
        {
            if ((overlaid is null ? new FileInfo(file).Length : Encoding.UTF8.GetByteCount(overlaid)) > YamlLimits.MaxFileBytes)
            {
                diagnostics.Error(new(file, 0, 0), $"the file is larger than {YamlLimits.MaxFileBytes / 1024 / 1024} MiB");
                return null;
            }
            // A StreamReader drops the byte order mark; so does an overlaid text.
            using TextReader reader = overlaid is null ? new StreamReader(file) : new StringReader(overlaid.StartsWith('\uFEFF') ? overlaid[1..] : overlaid);
            stream.Load(new YamlLimits(new Parser(reader)));
        }
        catch (YamlLimits.Exceeded e)
        {
            diagnostics.Error(SourceLocation.At(file, e.Start), $"refused: the YAML {Describe(e)}");
            return null;
        }
        catch (YamlException e)
        {
            diagnostics.Error(SourceLocation.At(file, e.Start), $"invalid YAML: {Describe(e)}");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(new(file, 0, 0), $"cannot read the file: {e.Message}");
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // The YAML library's own failures on some malformed input (seen in fuzzing): the file is invalid, nothing more.
            diagnostics.Error(new(file, 0, 0), $"invalid YAML: {Excerpt.Quote(e.Message)}");
            return null;
        }
        if (stream.Documents.Count > 1)
            diagnostics.Error(SourceLocation.At(file, stream.Documents[1].RootNode.Start), "a config file holds one YAML document; move the others to files of their own");
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    /// <summary>YamlDotNet prefixes its messages with the marks, which the diagnostic already shows.</summary>
    private static string Describe(YamlException e)
    {
        var message = MarkPrefix().Replace(e.InnerException is YamlException inner ? inner.Message : e.Message, string.Empty);
        const string duplicate = "Duplicate key ";
        return message.StartsWith(duplicate, StringComparison.Ordinal)
            ? $"key {Excerpt.Quote(message[duplicate.Length..])} appears twice in the same mapping"
            : message.TrimEnd('.');
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();
}
