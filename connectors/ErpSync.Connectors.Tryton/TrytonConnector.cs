using System.Net;
using System.Text.Json.Nodes;

namespace ErpSync.Connectors.Tryton;

/// <summary>
/// A connector for Tryton 6.0 over JSON-RPC: parties as customers, suppliers and partners (told apart by party
/// categories), contact persons (parties linked by a party relation), their addresses and contact mechanisms.
/// Data calls live in the other parts of this partial class; see the README for the model and the traps.
/// </summary>
public sealed partial class TrytonConnector : ISyncConnector, ISearchableConnector, IListProvider
{
    // Tryton answers "Connection: close", so pooling buys little; one client for all connections avoids socket churn.
    private static readonly HttpClient Http = new(new SocketsHttpHandler
    {
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    })
    { Timeout = Timeout.InfiniteTimeSpan };

    private readonly SessionStore _sessions;

    /// <summary>Creates the connector.</summary>
    /// <param name="timeProvider">The clock for the memory of refused logins.</param>
    public TrytonConnector(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _sessions = new SessionStore(timeProvider);
    }

    /// <inheritdoc/>
    public ConnectorInfo Info { get; } = new(
        "ErpSync.Tryton",
        "Tryton",
        typeof(TrytonConnector).Assembly.GetName().Version?.ToString(3) ?? "1.0.0",
        ConnectorCapabilities.Search | ConnectorCapabilities.Lists | ConnectorCapabilities.IdempotentCreate
            | ConnectorCapabilities.Tombstones | ConnectorCapabilities.OptimisticConcurrency);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<FieldInfo>> GetConfigFieldsAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ConfigFields.For(context.IsDutch));

    /// <inheritdoc/>
    public async ValueTask<TestResult> TestConfigurationAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        var settings = SettingsParser.Parse(context.Configuration, needCompany: false, context.IsDutch);
        if (!settings.IsOk)
        {
            return TestResult.Failure(settings.Error.Code, settings.Error.Message,
                new TestCheck(context.T("Configuration complete", "Configuratie compleet"), false, settings.Error.Message));
        }

        return await ConfigurationTest.RunAsync(new TrytonClient(Http, _sessions, settings.Value, context.IsDutch), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<ConnectorResult> ConnectionSavedAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ConnectorResult.Success);

    /// <inheritdoc/>
    /// <remarks>Forgets the connection's session and any memory of a refused password.</remarks>
    public ValueTask<ConnectorResult> ConnectionDeletedAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        if (SettingsParser.Parse(context.Configuration, needCompany: false) is { IsOk: true } settings)
        {
            _sessions.Forget(settings.Value.LoginKey);
        }

        return ValueTask.FromResult(ConnectorResult.Success);
    }

    /// <inheritdoc/>
    public ValueTask<ConnectorResult<IReadOnlyList<ActorTypeInfo>>> GetActorTypesAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<ActorTypeInfo>>(context, client => Task.FromResult<ConnectorResult<IReadOnlyList<ActorTypeInfo>>>(ActorTypes(client.Settings, client.Dutch)));

    /// <inheritdoc/>
    public ValueTask<ConnectorResult<IReadOnlyList<FieldInfo>>> GetFieldsAsync(ConnectorContext context, ActorType actorType, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<FieldInfo>>(context, async client => Unsupported(client, actorType) is { } error
            ? error
            : ConnectorResults.Ok(await FieldCatalog.ReadAsync(client, actorType, cancellationToken)));

    private static ActorTypeInfo[] ActorTypes(TrytonSettings settings, bool dutch)
    {
        ActorType[] companies = [ActorType.Customer, ActorType.Supplier, ActorType.Partner];
        var types = companies.Select(t => new ActorTypeInfo(t, Texts.T(dutch, t.ToString(), t switch
        {
            ActorType.Customer => "Klant",
            ActorType.Supplier => "Leverancier",
            _ => "Partner",
        }))).ToList();
        if (settings.PersonRelation is not null)
        {
            types.Add(new ActorTypeInfo(ActorType.Person, Texts.T(dutch, "Contact person", "Contactpersoon"), ParentTypes: companies));
        }

        return [.. types];
    }

    private static ConnectorError? Unsupported(TrytonClient client, ActorType type) =>
        ActorTypes(client.Settings, client.Dutch).Any(t => t.Type == type)
            ? null
            : new ConnectorError(ErrorCode.NotSupported, type == ActorType.Person
                ? client.T("Choose a contact person relation in the connection to sync persons.", "Kies een contactpersoonrelatie in de verbinding om personen te synchroniseren.")
                : client.T($"The Tryton connector has no actor type {type}.", $"De Tryton-connector heeft geen actortype {type}."));

    /// <summary>Parses the configuration and runs <paramref name="body"/>; Tryton failures become results, never exceptions.</summary>
    private async ValueTask<ConnectorResult<T>> RunAsync<T>(ConnectorContext context, Func<TrytonClient, Task<ConnectorResult<T>>> body)
    {
        var settings = SettingsParser.Parse(context.Configuration, dutch: context.IsDutch);
        if (!settings.IsOk)
        {
            return settings.Error;
        }

        try
        {
            return await body(new TrytonClient(Http, _sessions, settings.Value, context.IsDutch));
        }
        catch (TrytonException e)
        {
            return e.Error;
        }
    }

    private static JsonArray Domain(params JsonNode?[] leaves) => new(leaves);
}
