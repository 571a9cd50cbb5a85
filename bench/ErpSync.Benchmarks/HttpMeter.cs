using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace ErpSync.Benchmarks;

/// <summary>
/// Counts the outgoing HTTP calls (and their time) while enabled, grouped by JSON-RPC method, through HttpClient's
/// DiagnosticListener: shows which Tryton calls an import makes without changing the connector.
/// </summary>
internal sealed class HttpMeter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private readonly ConcurrentDictionary<string, (int Count, TimeSpan Time)> _methods = new(StringComparer.Ordinal);
    private volatile bool _enabled;

    public HttpMeter() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    public static HttpMeter Shared { get; } = new();

    public void Start()
    {
        _methods.Clear();
        _enabled = true;
    }

    /// <summary>Stops counting and returns the calls by method, most time first.</summary>
    public IReadOnlyList<(string Method, int Count, TimeSpan Time)> Stop()
    {
        _enabled = false;
        return _methods.Select(p => (p.Key, p.Value.Count, p.Value.Time)).OrderByDescending(p => p.Time).ToList();
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "HttpHandlerDiagnosticListener")
        {
            lock (_listeners)
            {
                _listeners.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (!_enabled || value.Key != "System.Net.Http.HttpRequestOut.Stop" || value.Value is null)
        {
            return;
        }

        // The payload is an internal type: its Request property by reflection (a benchmark tool, not product code).
        var request = value.Value.GetType().GetProperty("Request")?.GetValue(value.Value) as HttpRequestMessage;
        var method = Method(request);
        var elapsed = Activity.Current?.Duration ?? TimeSpan.Zero;
        _methods.AddOrUpdate(method, (1, elapsed), (_, old) => (old.Count + 1, old.Time + elapsed));
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

    /// <summary>The "method" of a JSON-RPC body (the bodies are buffered strings), else the URL path.</summary>
    private static string Method(HttpRequestMessage? request)
    {
        if (request?.Content is StringContent content)
        {
            try
            {
                using var body = JsonDocument.Parse(content.ReadAsStream());
                if (body.RootElement.TryGetProperty("method", out var method))
                {
                    return method.GetString() ?? "?";
                }
            }
            catch (JsonException)
            {
            }
        }

        return request?.RequestUri?.AbsolutePath ?? "?";
    }
}
