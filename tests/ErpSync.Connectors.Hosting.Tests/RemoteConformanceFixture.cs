using ErpSync.Connectors.Testing;
using ErpSync.Engine.Connectors.Remote;

namespace ErpSync.Connectors.Hosting.Tests;

/// <summary>
/// Puts the remote protocol between the conformance kit and a connector: the in-process fixture's connector is
/// served by Hosting on a free Kestrel port of 127.0.0.1, and the kit talks to it through a signed
/// <see cref="RemoteConnector"/>. Contexts, sample payloads and the out-of-band "ERP user" actions stay those of the
/// in-process fixture, so they still reach the real backend directly.
/// </summary>
public abstract class RemoteConformanceFixture(ConformanceFixture inProcess) : ConformanceFixture
{
    public const string Secret = "conformance-secret";
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private RemoteHost? _host;
    private RemoteConnector? _remote;

    /// <summary>The fixture whose connector is served and whose data the tests use.</summary>
    public ConformanceFixture InProcess { get; } = inProcess;

    /// <summary>The signed client: what the kit tests.</summary>
    public override ISyncConnector Connector => _remote ?? throw new InvalidOperationException("The remote host is not started.");

    /// <summary>Held to what the in-process connector declares, so a capability lost on the wire fails instead of being skipped.</summary>
    public override ConnectorCapabilities Capabilities => InProcess.Capabilities;

    public override IReadOnlyList<ActorType> ActorTypes => InProcess.ActorTypes;

    public override int ChangeFeedPageSize => InProcess.ChangeFeedPageSize;

    public override string UnknownKey => InProcess.UnknownKey;

    /// <summary>Generous: a live ERP behind the host may be slow on a busy machine, and a timeout is not what the kit checks.</summary>
    protected virtual TimeSpan CallTimeout => TimeSpan.FromSeconds(60);

    public override ConnectorContext CreateContext() => InProcess.CreateContext();

    public override ConnectorContext CreateWrongPasswordContext() => InProcess.CreateWrongPasswordContext();

    public override SampleActor NewActor(ActorType actorType, string marker) => InProcess.NewActor(actorType, marker);

    public override IReadOnlyDictionary<string, FieldValue?> Update(ActorType actorType, string marker) => InProcess.Update(actorType, marker);

    public override Task ChangeAsErpUserAsync(ActorType actorType, string key, string marker, CancellationToken cancellationToken) =>
        InProcess.ChangeAsErpUserAsync(actorType, key, marker, cancellationToken);

    public override Task ArchiveAsErpUserAsync(ActorType actorType, string key, CancellationToken cancellationToken) =>
        InProcess.ArchiveAsErpUserAsync(actorType, key, cancellationToken);

    public override async ValueTask InitializeAsync()
    {
        await InProcess.InitializeAsync();
        _host = await RemoteHost.StartAsync(InProcess.Connector, Secret);
        _remote = (await RemoteConnector.ConnectAsync(_http, new RemoteEndpoint(_host.BaseUrl, Secret, CallTimeout), TimeProvider.System, CancellationToken.None))
            .GetValueOrThrow();
        if (_remote.Info != InProcess.Connector.Info)
        {
            throw new InvalidOperationException($"The remote info {_remote.Info} differs from the connector's {InProcess.Connector.Info}.");
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _http.Dispose();
        await InProcess.DisposeAsync();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
