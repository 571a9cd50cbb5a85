using System.Collections.Concurrent;
using ErpSync.Connectors;

namespace HelloConnector;

/// <summary>
/// A complete, if tiny, connector: one configuration field, customers kept in memory, a change feed whose cursor is
/// a sequence number, idempotent create and optimistic concurrency. Real connectors talk to an ERP instead.
/// </summary>
public sealed class HelloErpConnector : ISyncConnector
{
    private readonly ConcurrentDictionary<string, Actor> _customers = new();
    private readonly ConcurrentDictionary<string, string> _createdByIdempotencyKey = new();
    private readonly Lock _write = new();
    private long _sequence;

    public ConnectorInfo Info { get; } = new("Samples.Hello", "Hello ERP", "1.0.0", ConnectorCapabilities.IdempotentCreate | ConnectorCapabilities.OptimisticConcurrency);

    private static readonly FieldInfo Name = new() { Key = "NAME", DisplayName = "Name", Type = FieldType.Text, Access = FieldAccess.Mandatory, MaxLength = 100 };

    public ValueTask<IReadOnlyList<FieldInfo>> GetConfigFieldsAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<FieldInfo>>(
            [new FieldInfo { Key = "Greeting", DisplayName = context.IsDutch ? "Groet" : "Greeting", Type = FieldType.Text, Access = FieldAccess.Mandatory }]);

    // Errors are results: a wrong configuration is a failed test, never an exception.
    public ValueTask<TestResult> TestConfigurationAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(context.Configuration.GetText("Greeting") == "hello"
            ? TestResult.Success("Hello ERP says hello.", new TestCheck("Greeting", true))
            : TestResult.Failure(ErrorCode.AuthenticationFailed, "Hello ERP expects the greeting 'hello'.", new TestCheck("Greeting", false)));

    public ValueTask<ConnectorResult> ConnectionSavedAsync(ConnectorContext context, CancellationToken cancellationToken) => ValueTask.FromResult(ConnectorResult.Success);

    public ValueTask<ConnectorResult> ConnectionDeletedAsync(ConnectorContext context, CancellationToken cancellationToken) => ValueTask.FromResult(ConnectorResult.Success);

    public ValueTask<ConnectorResult<IReadOnlyList<ActorTypeInfo>>> GetActorTypesAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ConnectorResults.Ok<IReadOnlyList<ActorTypeInfo>>([new ActorTypeInfo(ActorType.Customer, "Customer")]));

    public ValueTask<ConnectorResult<IReadOnlyList<FieldInfo>>> GetFieldsAsync(ConnectorContext context, ActorType actorType, CancellationToken cancellationToken) =>
        ValueTask.FromResult(actorType == ActorType.Customer
            ? ConnectorResults.Ok<IReadOnlyList<FieldInfo>>([Name])
            : ConnectorResults.Fail<IReadOnlyList<FieldInfo>>(ErrorCode.NotSupported, "Hello ERP only knows customers."));

    public ValueTask<ConnectorResult<IReadOnlyList<Actor>>> GetActorsAsync(ConnectorContext context, GetActorsRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ConnectorResults.Ok<IReadOnlyList<Actor>>(request.Keys.Where(_customers.ContainsKey).Select(k => _customers[k]).ToList()));

    // The cursor is the last sequence number delivered: opaque to ErpSync, safe to read again.
    public ValueTask<ConnectorResult<ChangePage>> ReadChangesAsync(ConnectorContext context, ReadChangesRequest request, CancellationToken cancellationToken)
    {
        var after = long.TryParse(request.Cursor, out var c) ? c : 0;
        var changed = _customers.Values.Where(a => long.Parse(a.Version!) > after).OrderBy(a => long.Parse(a.Version!)).ToList();
        var page = changed.Take(request.PageSize).ToList();
        var next = page.Count > 0 ? page[^1].Version : request.Cursor;
        return ValueTask.FromResult(ConnectorResults.Ok(new ChangePage(page, [], next, changed.Count > page.Count)));
    }

    public ValueTask<ConnectorResult<Actor>> CreateActorAsync(ConnectorContext context, CreateActorRequest request, CancellationToken cancellationToken)
    {
        lock (_write)
        {
            if (_createdByIdempotencyKey.TryGetValue(request.IdempotencyKey, out var existing))
            {
                return ValueTask.FromResult(ConnectorResults.Ok(_customers[existing]));
            }

            if (request.Fields.GetValueOrDefault("NAME") is not TextValue { Value.Length: > 0 })
            {
                return ValueTask.FromResult<ConnectorResult<Actor>>(new ConnectorError(ErrorCode.Validation, "Name is required.", FieldErrors: new Dictionary<string, string> { ["NAME"] = "Required." }));
            }

            var key = "H" + (_customers.Count + 1);
            var actor = new Actor { Type = ActorType.Customer, Key = key, Version = (++_sequence).ToString(), DisplayName = ((TextValue)request.Fields["NAME"]!).Value, Fields = request.Fields };
            _customers[key] = actor;
            _createdByIdempotencyKey[request.IdempotencyKey] = key;
            return ValueTask.FromResult(ConnectorResults.Ok(actor));
        }
    }

    public ValueTask<ConnectorResult<IReadOnlyList<SaveResult>>> SaveActorsAsync(ConnectorContext context, SaveActorsRequest request, CancellationToken cancellationToken)
    {
        lock (_write)
        {
            var results = request.Items.Select(item =>
            {
                if (!_customers.TryGetValue(item.Key, out var current))
                {
                    return new SaveResult(item.Key, SaveStatus.NotFound);
                }

                if (item.ExpectedVersion is not null && item.ExpectedVersion != current.Version)
                {
                    return new SaveResult(item.Key, SaveStatus.Conflict, current);
                }

                var fields = current.Fields.Concat(item.Fields).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);
                var saved = current with { Version = (++_sequence).ToString(), Fields = fields };
                _customers[item.Key] = saved;
                return new SaveResult(item.Key, SaveStatus.Ok, saved);
            }).ToList();
            return ValueTask.FromResult(ConnectorResults.Ok<IReadOnlyList<SaveResult>>(results));
        }
    }
}
