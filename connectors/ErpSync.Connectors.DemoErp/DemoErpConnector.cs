using Microsoft.Data.Sqlite;

namespace ErpSync.Connectors.DemoErp;

/// <summary>
/// An in-process demo ERP kept in its own SQLite file: customers, suppliers, partners, contact persons and
/// projects in several administrations. It implements the whole connector contract and backs the quick start
/// and the engine tests. Data calls live in the other parts of this partial class.
/// </summary>
public sealed partial class DemoErpConnector : ISyncConnector, ISearchableConnector, IListProvider
{
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the connector.</summary>
    /// <param name="timeProvider">The clock for change times and for the artificial latency.</param>
    public DemoErpConnector(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <inheritdoc/>
    public ConnectorInfo Info { get; } = new(
        "ErpSync.DemoErp",
        "Demo ERP",
        typeof(DemoErpConnector).Assembly.GetName().Version?.ToString(3) ?? "1.0.0",
        ConnectorCapabilities.Search | ConnectorCapabilities.Lists | ConnectorCapabilities.IdempotentCreate
            | ConnectorCapabilities.Tombstones | ConnectorCapabilities.OptimisticConcurrency | ConnectorCapabilities.DeleteLog);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<FieldInfo>> GetConfigFieldsAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ConfigFields.For(context.IsDutch));

    /// <inheritdoc/>
    public async ValueTask<TestResult> TestConfigurationAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await ConfigurationTest.RunAsync(context, _timeProvider, cancellationToken);
        }
        catch (SqliteException e)
        {
            return TestResult.Failure(ErrorCode.Unknown, DatabaseFailed(context, e).Message);
        }
    }

    /// <inheritdoc/>
    public ValueTask<ConnectorResult> ConnectionSavedAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ConnectorResult.Success);

    /// <inheritdoc/>
    public ValueTask<ConnectorResult> ConnectionDeletedAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ConnectorResult.Success);

    /// <inheritdoc/>
    public ValueTask<ConnectorResult<IReadOnlyList<ActorTypeInfo>>> GetActorTypesAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        RunAsync(context, session => Task.FromResult<ConnectorResult<IReadOnlyList<ActorTypeInfo>>>(
            ActorSchema.Types.Select(t => ActorSchema.Info(t, session.Dutch)).ToArray()), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ConnectorResult<IReadOnlyList<FieldInfo>>> GetFieldsAsync(ConnectorContext context, ActorType actorType, CancellationToken cancellationToken) =>
        RunAsync(context, session => Task.FromResult(FieldInfos(session, actorType)), cancellationToken);

    private static ConnectorResult<IReadOnlyList<FieldInfo>> FieldInfos(DemoErpSession session, ActorType actorType) =>
        UnsupportedType(session, actorType) is { } error
            ? error
            : ActorSchema.Fields(actorType).Select((f, i) => f.ToInfo(session.Dutch, (i + 1) * 10)).ToArray();

    private static ConnectorError? UnsupportedType(DemoErpSession session, ActorType actorType) =>
        ActorSchema.Types.Contains(actorType)
            ? null
            : new ConnectorError(ErrorCode.NotSupported, Texts.T(session.Dutch, $"The demo ERP has no actor type {actorType}.", $"Het demo-ERP kent geen actortype {actorType}."));

    /// <summary>Opens a session and runs <paramref name="body"/>; database faults become results, never exceptions.</summary>
    private async ValueTask<ConnectorResult<T>> RunAsync<T>(ConnectorContext context, Func<DemoErpSession, Task<ConnectorResult<T>>> body, CancellationToken cancellationToken)
    {
        try
        {
            var session = await SessionOpener.OpenAsync(context, _timeProvider, cancellationToken);
            return session.IsOk ? await body(session.Value) : session.Error;
        }
        catch (SqliteException e)
        {
            return DatabaseFailed(context, e);
        }
    }

    private static ConnectorError DatabaseFailed(ConnectorContext context, SqliteException e) => new(
        // SQLITE_BUSY and SQLITE_LOCKED pass; anything else is reported as unknown (also retried by the engine).
        e.SqliteErrorCode is 5 or 6 ? ErrorCode.Transient : ErrorCode.Unknown,
        context.T("The demo ERP database could not complete the call.", "De demo-ERP-database kon de aanroep niet uitvoeren."),
        e.Message);
}
