using ErpSync.Connectors.Testing;

namespace ErpSync.Connectors.DemoErp.Tests;

/// <summary>Describes the demo ERP to the conformance kit: customers and contact persons in administration NL01 of a fresh file.</summary>
public sealed class DemoErpConformanceFixture : ConformanceFixture
{
    private readonly DemoErpSandbox _sandbox = new();

    public override ISyncConnector Connector => _sandbox.Connector;

    public override IReadOnlyList<ActorType> ActorTypes => [ActorType.Customer, ActorType.Person];

    public override ConnectorContext CreateContext() => _sandbox.Context();

    public override ConnectorContext CreateWrongPasswordContext() => _sandbox.Context(password: "not-the-password");

    public override SampleActor NewActor(ActorType actorType, string marker) => actorType == ActorType.Person
        ? new SampleActor(new Dictionary<string, FieldValue?> { ["FIRSTNAME"] = FieldValue.Text("Anna"), ["LASTNAME"] = FieldValue.Text(marker) }, "C10001")
        : new SampleActor(new Dictionary<string, FieldValue?> { ["NAME"] = FieldValue.Text(marker + " B.V."), ["COUNTRY"] = FieldValue.List("NL") });

    public override IReadOnlyDictionary<string, FieldValue?> Update(ActorType actorType, string marker) => actorType == ActorType.Person
        ? new Dictionary<string, FieldValue?> { ["POSITION"] = FieldValue.Text(marker) }
        : new Dictionary<string, FieldValue?> { ["DEPARTMENT"] = FieldValue.Text(marker[..Math.Min(marker.Length, 50)]) };

    public override async Task ChangeAsErpUserAsync(ActorType actorType, string key, string marker, CancellationToken cancellationToken)
    {
        var database = await _sandbox.DatabaseAsync();
        await database.UpdateFieldsAsync("NL01", key, Update(actorType, marker), cancellationToken);
    }

    public override async Task ArchiveAsErpUserAsync(ActorType actorType, string key, CancellationToken cancellationToken)
    {
        var database = await _sandbox.DatabaseAsync();
        await database.ArchiveAsync("NL01", key, cancellationToken);
    }

    public override ValueTask DisposeAsync()
    {
        _sandbox.Dispose();
        return base.DisposeAsync();
    }
}
