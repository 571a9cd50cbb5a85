using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ErpSync.Benchmarks;

/// <summary>
/// Counts the CRM database commands EF Core runs (and their time) while enabled, grouped by statement shape, through
/// EF's DiagnosticListener: a profile of where a cycle spends its database time without changing the engine.
/// </summary>
internal sealed class DbMeter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private readonly ConcurrentDictionary<string, (int Count, TimeSpan Time)> _shapes = new(StringComparer.Ordinal);
    private static readonly string CommandExecutedName = RelationalEventId.CommandExecuted.Name!;
    private volatile bool _enabled;

    public DbMeter() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    public static DbMeter Shared { get; } = new();

    public void Start()
    {
        _shapes.Clear();
        _enabled = true;
    }

    /// <summary>Stops counting and returns the commands by shape, most time first.</summary>
    public IReadOnlyList<(string Shape, int Count, TimeSpan Time)> Stop()
    {
        _enabled = false;
        return _shapes.Select(p => (p.Key, p.Value.Count, p.Value.Time)).OrderByDescending(p => p.Time).ToList();
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_listeners)
            {
                // Only the one event counted, and only while counting: subscribed to everything, EF builds event data for
                // every command and every tracked entity, which costs the import (three entities per actor) more than the
                // raw baseline and skewed its figure.
                _listeners.Add(value.Subscribe(this, name => _enabled && name == CommandExecutedName));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (_enabled && value.Value is CommandExecutedEventData executed)
        {
            var shape = Shape(executed.Command.CommandText);
            _shapes.AddOrUpdate(shape, (1, executed.Duration), (_, old) => (old.Count + 1, old.Time + executed.Duration));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners)
        {
            _listeners.ForEach(l => l.Dispose());
        }
    }

    /// <summary>The statement without parameter lists, shortened: enough to tell the queries of a cycle apart.</summary>
    private static string Shape(string sql)
    {
        var flat = string.Join(' ', sql.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        var inList = flat.IndexOf(" IN (", StringComparison.Ordinal);
        if (inList >= 0)
        {
            var end = flat.IndexOf(')', inList);
            flat = flat[..(inList + 5)] + "…" + (end > 0 ? flat[end..] : "");
        }

        return flat.Length > 160 ? flat[..160] + "…" : flat;
    }
}
