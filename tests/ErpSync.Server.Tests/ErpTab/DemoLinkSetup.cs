using ErpSync.Connectors;
using ErpSync.Connectors.DemoErp;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Mapping;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSync.Server.Tests.ErpTab;

/// <summary>
/// An active demo-ERP connection for linking tests (shared with the browser tests): customers synced on name, email
/// and phone; open balance, visiting city and country shown on the ERP tab in that rank order; department asked
/// from the user on create with default "Sales". Also reads and writes the demo ERP directly, as its users would.
/// </summary>
public static class DemoLinkSetup
{
    public const string Administration = "NL01";
    public static readonly string[] TabOrder = ["BALANCE", "COUNTRY", "STREETCITY"];

    public static async Task<int> CreateConnectionAsync(IServiceProvider services, string name, string demoFile, IReadOnlyList<AccessEntry>? scope, CancellationToken ct)
    {
        var demo = (await services.GetRequiredService<ConnectorAdmin>().ListAsync(ct)).Single(c => c.BuiltInName == "ErpSync.DemoErp");
        var admin = services.GetRequiredService<ConnectionAdmin>();
        var created = await admin.CreateAsync(new ConnectionInput(name, demo.Id, null, scope is null, scope ?? [], new Dictionary<string, string?>
        {
            ["DatabaseFile"] = demoFile,
            ["Administration"] = Administration,
            ["UserName"] = "demo",
            ["Password"] = "demo-erp",
        }), ct);
        var mappings = services.GetRequiredService<MappingAdmin>();
        await mappings.SaveActorTypeAsync(created.Id, ActorType.Customer, new ActorTypeMappingInput(true,
        [
            new("NAME", "name", FieldDirection.Both, true, false),
            new("EMAIL", "email", FieldDirection.Both, true, false),
            new("PHONE", "phone", FieldDirection.Both, false, false),
            new("BALANCE", null, FieldDirection.None, false, true),
            new("COUNTRY", null, FieldDirection.None, false, true),
            new("STREETCITY", null, FieldDirection.None, true, true),
        ]), ct);
        await mappings.SaveDefaultAsync(created.Id, ActorType.Customer, "DEPARTMENT", new DefaultInput(true, "Sales", true, true), ct);
        var keys = (await mappings.GetAsync(created.Id, ct)).ActorTypes.Single(a => a.ActorType == ActorType.Customer).Fields.Select(f => f.FieldKey).ToList();
        await mappings.SaveRanksAsync(created.Id, ActorType.Customer, TabOrder.Concat(keys.Except(TabOrder)).ToList(), ct);
        var activation = await admin.SetActiveAsync(created.Id, true, ct);
        if (!activation.IsActive)
        {
            throw new InvalidOperationException("Activation refused: " + string.Join("; ", activation.Problems));
        }

        return created.Id;
    }

    public static ISyncConnector Connector(IServiceProvider services) => services.GetRequiredService<ConnectorCatalog>().Find("ErpSync.DemoErp")!;

    public static ConnectorContext Context(string demoFile) => new(Guid.NewGuid(), new ConfigValues(new Dictionary<string, FieldValue?>
    {
        ["DatabaseFile"] = FieldValue.Text(demoFile),
        ["Administration"] = FieldValue.List(Administration),
        ["UserName"] = FieldValue.Text("demo"),
        ["Password"] = FieldValue.Text("demo-erp"),
    }));

    /// <summary>Creates a customer in the demo ERP as an ERP user would; returns its key.</summary>
    public static async Task<string> CreateCustomerAsync(IServiceProvider services, string demoFile, string name, string email, string phone, CancellationToken ct)
    {
        var result = await Connector(services).CreateActorAsync(Context(demoFile), new CreateActorRequest(ActorType.Customer, Guid.NewGuid().ToString("N"), new Dictionary<string, FieldValue?>
        {
            ["NAME"] = FieldValue.Text(name),
            ["EMAIL"] = FieldValue.Text(email),
            ["PHONE"] = FieldValue.Text(phone),
            ["STREETCITY"] = FieldValue.Text("Utrecht"),
            ["COUNTRY"] = FieldValue.List("NL"),
        }), ct);
        return result.GetValueOrThrow().Key;
    }

    public static async Task<Actor> ReadCustomerAsync(IServiceProvider services, string demoFile, string key, CancellationToken ct) =>
        (await Connector(services).GetActorsAsync(Context(demoFile), new GetActorsRequest(ActorType.Customer, [key], []), ct)).GetValueOrThrow().Single();

    /// <summary>Customers whose name contains <paramref name="name"/>.</summary>
    public static async Task<IReadOnlyList<Actor>> FindCustomersAsync(IServiceProvider services, string demoFile, string name, CancellationToken ct) =>
        (await ((ISearchableConnector)Connector(services)).SearchAsync(Context(demoFile), new SearchRequest(ActorType.Customer, name, ["NAME", "DEPARTMENT", "EMAIL"], new PageRequest(0, 50)), ct))
            .GetValueOrThrow().Actors;

    public static async Task<int> CountCustomersAsync(string demoFile) =>
        await (await DemoErpDatabase.OpenAsync(demoFile, TimeProvider.System)).CountAsync(Administration, ActorType.Customer);

    public static string Text(Actor actor, string field) => actor.Fields.GetValueOrDefault(field)?.ToInvariantString() ?? "";
}
