using System.Globalization;
using Aggregator.Core.Rendering;

namespace Aggregator.Configuration;

/// <summary>
/// One problem found in the configuration, at a 1-based line and column of <see cref="Path"/>.
/// Line 0 means the problem concerns the file or directory as a whole.
/// </summary>
internal sealed record ConfigDiagnostic(string Path, int Line, int Column, ConfigSeverity Severity, string Message)
{
    public static ConfigDiagnostic Error(SourceLocation at, string message) =>
        new(at.Path, at.Line, at.Column, ConfigSeverity.Error, message);

    public static ConfigDiagnostic Warning(SourceLocation at, string message) =>
        new(at.Path, at.Line, at.Column, ConfigSeverity.Warning, message);

    public bool IsError => Severity == ConfigSeverity.Error;

    /// <summary>The compiler-style line editors and CI annotate: <c>path:line:col: error: message</c>, always one line.</summary>
    public override string ToString()
    {
        var severity = IsError ? "error" : "warning";
        return OneLine.Escape(Line > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Path}:{Line}:{Column}: {severity}: {Message}")
            : $"{Path}: {severity}: {Message}");
    }
}
