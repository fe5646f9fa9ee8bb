using System.Globalization;
using YamlDotNet.Core;

namespace Aggregator.Configuration;

/// <summary>A 1-based position in a config file, as shown to the operator.</summary>
internal readonly record struct SourceLocation(string Path, int Line, int Column)
{
    public static SourceLocation At(string path, Mark mark) => new(path, (int)mark.Line, (int)mark.Column);

    public SourceLocation Shift(int columns) => this with { Column = Column + columns };

    public override string ToString() =>
        Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{Path}:{Line}:{Column}") : Path;
}
