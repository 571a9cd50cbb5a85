using System.Text.Json.Nodes;
using ErpSync.Connectors.Testing;

namespace ErpSync.Connectors.Tryton.Tests;

/// <summary>Describes a live Tryton to the conformance kit: its own trytond on a fresh copy of the seeded database.</summary>
public sealed class TrytonConformanceFixture : ConformanceFixture
{
    private TrytonServer? _server;

    internal TrytonServer Server => _server ?? throw new InvalidOperationException("The Tryton server is not started.");

    public override ISyncConnector Connector { get; } = new TrytonConnector(TimeProvider.System);

    public override IReadOnlyList<ActorType> ActorTypes => [ActorType.Customer, ActorType.Partner, ActorType.Person];

    public override ConnectorContext CreateContext() => Context(Server.Password);

    public override ConnectorContext CreateWrongPasswordContext() => Context("not-the-password");

    internal ConnectorContext Context(string password) => new(Guid.NewGuid(), new ConfigValues(new Dictionary<string, FieldValue?>
    {
        ["ServerUrl"] = FieldValue.Text(Server.RootUrl.ToString()),
        ["Database"] = FieldValue.Text("erpsync"),
        ["UserName"] = FieldValue.Text("admin"),
        ["Password"] = FieldValue.Text(password),
        ["Company"] = FieldValue.List(Server.Company.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ["CustomerCategory"] = List("party_categories", "customer"),
        ["SupplierCategory"] = List("party_categories", "supplier"),
        ["PersonRelation"] = List("relation_types", "contact_of"),
    }));

    public override SampleActor NewActor(ActorType actorType, string marker) => actorType == ActorType.Person
        ? new SampleActor(new Dictionary<string, FieldValue?> { ["NAME"] = FieldValue.Text("Anna " + marker), ["EMAIL"] = FieldValue.Text($"{marker}@example.com") },
            Server.SeedId("parties", "globex").ToString(System.Globalization.CultureInfo.InvariantCulture))
        : new SampleActor(new Dictionary<string, FieldValue?>
        {
            ["NAME"] = FieldValue.Text(marker + " GmbH"),
            ["CITY"] = FieldValue.Text("Berlin"),
            ["COUNTRY"] = FieldValue.List("DE"),
            ["PHONE"] = FieldValue.Text("+49 30 1234567"),
        });

    public override IReadOnlyDictionary<string, FieldValue?> Update(ActorType actorType, string marker) =>
        new Dictionary<string, FieldValue?> { ["NAME"] = FieldValue.Text(marker + " Updated"), ["EMAIL"] = FieldValue.Text($"{marker}@example.org") };

    public override Task ChangeAsErpUserAsync(ActorType actorType, string key, string marker, CancellationToken cancellationToken) =>
        Server.CallAsync("party.party", "write", [new JsonArray(long.Parse(key, System.Globalization.CultureInfo.InvariantCulture)), new JsonObject { ["name"] = marker }], cancellationToken);

    public override Task ArchiveAsErpUserAsync(ActorType actorType, string key, CancellationToken cancellationToken) =>
        Server.CallAsync("party.party", "write", [new JsonArray(long.Parse(key, System.Globalization.CultureInfo.InvariantCulture)), new JsonObject { ["active"] = false }], cancellationToken);

    public override async ValueTask InitializeAsync() => _server = await TrytonServer.StartAsync();

    public override async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    private FieldValue List(string group, string name) => FieldValue.List(Server.SeedId(group, name).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
