using System.Collections.Concurrent;
using System.Diagnostics;
using ErpSync.Connectors;
using ErpSync.Connectors.DemoErp;

namespace ErpSync.Benchmarks;

/// <summary>The in-process demo ERP connector with the time spent in each sync verb recorded, to split a cycle into connector and engine time.</summary>
internal sealed class TimingConnector(DemoErpConnector inner) : ISyncConnector, ISearchableConnector, IListProvider
{
    private readonly ConcurrentDictionary<string, (int Calls, TimeSpan Time)> _verbs = new(StringComparer.Ordinal);

    public ConnectorInfo Info => inner.Info;

    /// <summary>Calls and time per verb since the last call, most time first.</summary>
    public IReadOnlyList<(string Verb, int Calls, TimeSpan Time)> Take()
    {
        var result = _verbs.Select(p => (p.Key, p.Value.Calls, p.Value.Time)).OrderByDescending(v => v.Time).ToList();
        _verbs.Clear();
        return result;
    }

    public ValueTask<IReadOnlyList<FieldInfo>> GetConfigFieldsAsync(ConnectorContext context, CancellationToken cancellationToken) => inner.GetConfigFieldsAsync(context, cancellationToken);

    public ValueTask<ErpSync.Connectors.TestResult> TestConfigurationAsync(ConnectorContext context, CancellationToken cancellationToken) => inner.TestConfigurationAsync(context, cancellationToken);

    public ValueTask<ConnectorResult> ConnectionSavedAsync(ConnectorContext context, CancellationToken cancellationToken) => inner.ConnectionSavedAsync(context, cancellationToken);

    public ValueTask<ConnectorResult> ConnectionDeletedAsync(ConnectorContext context, CancellationToken cancellationToken) => inner.ConnectionDeletedAsync(context, cancellationToken);

    public ValueTask<ConnectorResult<IReadOnlyList<ActorTypeInfo>>> GetActorTypesAsync(ConnectorContext context, CancellationToken cancellationToken) => inner.GetActorTypesAsync(context, cancellationToken);

    public ValueTask<ConnectorResult<IReadOnlyList<FieldInfo>>> GetFieldsAsync(ConnectorContext context, ActorType actorType, CancellationToken cancellationToken) => inner.GetFieldsAsync(context, actorType, cancellationToken);

    public ValueTask<ConnectorResult<IReadOnlyList<Actor>>> GetActorsAsync(ConnectorContext context, GetActorsRequest request, CancellationToken cancellationToken) =>
        TimeAsync("GetActors", () => inner.GetActorsAsync(context, request, cancellationToken));

    public ValueTask<ConnectorResult<ChangePage>> ReadChangesAsync(ConnectorContext context, ReadChangesRequest request, CancellationToken cancellationToken) =>
        TimeAsync("ReadChanges", () => inner.ReadChangesAsync(context, request, cancellationToken));

    public ValueTask<ConnectorResult<Actor>> CreateActorAsync(ConnectorContext context, CreateActorRequest request, CancellationToken cancellationToken) => inner.CreateActorAsync(context, request, cancellationToken);

    public ValueTask<ConnectorResult<IReadOnlyList<SaveResult>>> SaveActorsAsync(ConnectorContext context, SaveActorsRequest request, CancellationToken cancellationToken) =>
        TimeAsync("SaveActors", () => inner.SaveActorsAsync(context, request, cancellationToken));

    public ValueTask<ConnectorResult<IReadOnlyList<FieldInfo>>> GetSearchableFieldsAsync(ConnectorContext context, ActorType actorType, CancellationToken cancellationToken) => inner.GetSearchableFieldsAsync(context, actorType, cancellationToken);

    public ValueTask<ConnectorResult<SearchPage>> SearchAsync(ConnectorContext context, SearchRequest request, CancellationToken cancellationToken) => inner.SearchAsync(context, request, cancellationToken);

    public ValueTask<ConnectorResult<SearchPage>> SearchAdvancedAsync(ConnectorContext context, AdvancedSearchRequest request, CancellationToken cancellationToken) => inner.SearchAdvancedAsync(context, request, cancellationToken);

    public ValueTask<ConnectorResult<IReadOnlyList<ListItem>>> GetListAsync(ConnectorContext context, string listName, CancellationToken cancellationToken) => inner.GetListAsync(context, listName, cancellationToken);

    public ValueTask<ConnectorResult<IReadOnlyList<ListItem>>> GetListItemsAsync(ConnectorContext context, string listName, IReadOnlyList<string> keys, CancellationToken cancellationToken) => inner.GetListItemsAsync(context, listName, keys, cancellationToken);

    private async ValueTask<T> TimeAsync<T>(string verb, Func<ValueTask<T>> call)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return await call();
        }
        finally
        {
            var elapsed = clock.Elapsed;
            _verbs.AddOrUpdate(verb, (1, elapsed), (_, old) => (old.Calls + 1, old.Time + elapsed));
        }
    }
}
