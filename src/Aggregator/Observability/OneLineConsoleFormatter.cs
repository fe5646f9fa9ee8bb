using System.Globalization;
using System.Text;
using Aggregator.Core.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Aggregator.Observability;

/// <summary>
/// The text log format: one line per event, <c>HH:mm:ss level: Category[EventId] message exception</c> in UTC as the
/// simple console formatter prints it in single-line mode (under systemd, <c>&lt;priority&gt;Category[EventId] ...</c>
/// as its systemd formatter does, journald adding the time), but with every control character of the message and the
/// exception escaped (<see cref="OneLine.Escape"/>). The stock formatters replace only the platform's newline, so a
/// feed's text carrying a CR, a U+2028 or a terminal escape sequence could forge or hide a log line.
/// </summary>
internal sealed class OneLineConsoleFormatter(IOptionsMonitor<OneLineConsoleFormatter.Options> options) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "aggregator-text";

    internal sealed class Options : ConsoleFormatterOptions
    {
        /// <summary>Write a syslog priority prefix instead of the time (a systemd service logging to journald).</summary>
        public bool Systemd { get; set; }
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null) return;
        var line = new StringBuilder(message.Length + 64);
        if (options.CurrentValue.Systemd)
            line.Append('<').Append(Priority(logEntry.LogLevel)).Append('>');
        else
#pragma warning disable RS0030 // A log line's time is the wall clock when it is written; the logging pipeline gives a formatter no clock.
            line.Append(DateTimeOffset.UtcNow.ToString("HH:mm:ss ", CultureInfo.InvariantCulture)).Append(Level(logEntry.LogLevel)).Append(": ");
#pragma warning restore RS0030
        line.Append(logEntry.Category).Append('[').Append(logEntry.EventId.Id.ToString(CultureInfo.InvariantCulture)).Append("] ")
            .Append(OneLine.Escape(message));
        if (logEntry.Exception is { } exception) line.Append(' ').Append(OneLine.Escape(exception.ToString()));
        textWriter.Write(line.Append('\n'));
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };

    private static char Priority(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => '7',
        LogLevel.Information => '6',
        LogLevel.Warning => '4',
        LogLevel.Error => '3',
        _ => '2',
    };
}
