using Microsoft.Extensions.Logging;

namespace Aggregator.Configuration;

/// <summary>
/// Watches the config directory and reloads it whole after edits settle. A valid result replaces
/// <see cref="Current"/> and raises <see cref="Reloaded"/>; an invalid one is logged diagnostic by
/// diagnostic and the last good configuration stays in force (IOptionsMonitor would drop it,
/// dotnet/runtime#44381).
/// </summary>
internal sealed class ConfigWatcher : IDisposable
{
    /// <summary>Editors save in bursts (write, rename, touch); one reload per burst.</summary>
    public static readonly TimeSpan DefaultDebounce = TimeSpan.FromMilliseconds(500);

    private readonly string _directory;
    private readonly ConfigLoader _loader;
    private readonly ILogger<ConfigWatcher> _logger;
    private readonly TimeSpan _debounce;
    private readonly ITimer _timer;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _reloading = new();
    private long _started;
    private long _applied;
    private FileSystemWatcher? _watcher;
    private AggregatorConfig _current;
    private ReloadReport? _lastReload;

    public ConfigWatcher(string directory, AggregatorConfig initial, ConfigLoader loader, ILogger<ConfigWatcher> logger, TimeProvider timeProvider, TimeSpan? debounce = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = directory;
        _current = initial;
        _loader = loader;
        _logger = logger;
        _debounce = debounce ?? DefaultDebounce;
        _timeProvider = timeProvider;
        _timer = timeProvider.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Raised on the reloading thread after <see cref="Current"/> has been replaced.</summary>
    public event EventHandler<ConfigReloadedEventArgs>? Reloaded;

    /// <summary>What the last reload found, for the console; null until a reload happened.</summary>
    public ReloadReport? LastReload => Volatile.Read(ref _lastReload);

    /// <summary>The last configuration that passed validation.</summary>
    public AggregatorConfig Current => Volatile.Read(ref _current);

    public void Start()
    {
        if (_watcher is not null) return;
        _watcher = new FileSystemWatcher(_directory)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            IncludeSubdirectories = false,
        };
        _watcher.Changed += OnChanged;
        _watcher.Created += OnChanged;
        _watcher.Deleted += OnChanged;
        // An atomic save writes a temporary file and renames it over the config file.
        _watcher.Renamed += (_, e) =>
        {
            if (IsTrigger(e.OldFullPath) || IsTrigger(e.FullPath)) Schedule();
        };
        _watcher.Error += (_, e) =>
        {
            _logger.LogWarning(e.GetException(), "Watching {ConfigDirectory} failed; reloading in case a change was missed", _directory);
            Schedule();
        };
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>
    /// Loads the directory now; true when the result was valid and is now in force. Loading runs outside the lock,
    /// so a load that is slow or stuck never holds up a later one; the lock only orders the swaps, and a result
    /// older than one already in force is dropped. Nothing the loader throws leaves here: it is logged, and the
    /// last good configuration stays in force.
    /// </summary>
    public bool Reload()
    {
        var generation = Interlocked.Increment(ref _started);
        ConfigLoadResult result;
        try
        {
            result = _loader.Load(_directory);
        }
        catch (Exception e)
        {
            // On the reload timer an exception would end the process: any failure keeps the last good config.
            _logger.LogError("Configuration not reloaded: loading {ConfigDirectory} failed: {Error}; the last good configuration stays in force",
                _directory, $"{e.GetType().Name}: {e.Message}");
            Volatile.Write(ref _lastReload, new ReloadReport(_timeProvider.GetUtcNow(), false, [], $"{e.GetType().Name}: {e.Message}"));
            return false;
        }
        lock (_reloading)
        {
            if (generation < _applied) return false;
            _applied = generation;
            if (result.Config is not { } config)
            {
                foreach (var diagnostic in result.Diagnostics)
                {
                    if (diagnostic.IsError) _logger.LogError("Configuration not reloaded: {Diagnostic}", diagnostic);
                    else _logger.LogWarning("{Diagnostic}", diagnostic);
                }
                _logger.LogError("Configuration in {ConfigDirectory} is invalid; the last good configuration stays in force", _directory);
                Volatile.Write(ref _lastReload, new ReloadReport(_timeProvider.GetUtcNow(), false, result.Diagnostics, null));
                return false;
            }
            foreach (var warning in result.Warnings) _logger.LogWarning("{Diagnostic}", warning);
            Volatile.Write(ref _current, config);
            Volatile.Write(ref _lastReload, new ReloadReport(_timeProvider.GetUtcNow(), true, [.. result.Warnings], null));
            if (_logger.IsEnabled(LogLevel.Information)) _logger.LogInformation("Configuration reloaded from {ConfigDirectory}", _directory);
            try
            {
                Reloaded?.Invoke(this, new ConfigReloadedEventArgs(config, [.. result.Warnings]));
            }
            catch (Exception e)
            {
                // A failing listener must not take the watcher (or, on a timer thread, the process) down.
                _logger.LogError(e, "Applying the reloaded configuration from {ConfigDirectory} failed", _directory);
            }
            return true;
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _timer.Dispose();
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        if (IsTrigger(e.FullPath)) Schedule();
    }

    /// <summary>
    /// A Kubernetes ConfigMap volume never touches its visible files (<c>aggregator.yaml -> ..data/aggregator.yaml</c>):
    /// an update writes a new hidden timestamped directory and renames a <c>..data_tmp</c> link over <c>..data</c>.
    /// </summary>
    private const string ConfigMapDataLink = "..data";

    private static bool IsTrigger(string path) => IsConfigFile(path) || Path.GetFileName(path) == ConfigMapDataLink;

    private void Schedule() => _timer.Change(_debounce, Timeout.InfiniteTimeSpan);

    private static bool IsConfigFile(string path) =>
        Path.GetExtension(path) is ".yaml" or ".yml" && !Path.GetFileName(path).StartsWith('.');
}
