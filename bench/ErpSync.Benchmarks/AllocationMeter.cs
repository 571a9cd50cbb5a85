using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace ErpSync.Benchmarks;

/// <summary>
/// Samples allocations by type from the runtime's GCAllocationTick events (one about every 100 KB allocated) while
/// enabled: a rough picture of what an import allocates, without a profiler on the machine.
/// </summary>
internal sealed class AllocationMeter : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _enabled;

    public void Start()
    {
        _bytes.Clear();
        _enabled = true;
    }

    /// <summary>Stops sampling and returns the sampled bytes by type, most first.</summary>
    public IReadOnlyList<(string Type, long Bytes)> Stop()
    {
        _enabled = false;
        return _bytes.Select(p => (p.Key, p.Value)).OrderByDescending(p => p.Value).ToList();
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_enabled || eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
        {
            return;
        }

        var index = eventData.PayloadNames?.IndexOf("TypeName") ?? -1;
        var amount = eventData.PayloadNames?.IndexOf("AllocationAmount64") ?? -1;
        if (index >= 0 && eventData.Payload[index] is string type)
        {
            var bytes = amount >= 0 && eventData.Payload[amount] is ulong a ? (long)a : 100_000;
            _bytes.AddOrUpdate(type, bytes, (_, old) => old + bytes);
        }
    }
}
