using System.Diagnostics;
using System.Globalization;
using ErpSync.Connectors;
using ErpSync.Connectors.Tryton.Tests;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Data;
using ErpSync.Engine.Mapping;

namespace ErpSync.Benchmarks;

internal static partial class Workspaces
{
    /// <summary>The Tryton mapping of the figure: party name, e-mail, phone, website, VAT and city to the company, both ways.</summary>
    private static readonly (string ErpKey, string CrmField)[] TrytonFields =
        [("NAME", "name"), ("EMAIL", "email"), ("PHONE", "phone"), ("WEBSITE", "website"), ("VATNO", "vatNumber"), ("CITY", "postalCity")];

    /// <summary>
    /// An empty CRM with one active connection to the live Tryton (configured as the Tryton tests configure theirs),
    /// built once per figure and copied for every run so each import starts from the same empty CRM.
    /// </summary>
    public static async Task<Workspace> TrytonAsync(BenchOptions options, TrytonServer server, string? copy)
    {
        var cache = Path.Combine(options.Root, "artifacts", "bench", "work", "tryton-empty");
        var marker = Path.Combine(cache, "connection-id");
        var clock = Stopwatch.StartNew();
        if (copy is null)
        {
            Reset(cache);
            var ct = CancellationToken.None;
            int id;
            await using (var bench = new BenchEngine(cache, TrytonConnector))
            {
                await bench.Get<DatabaseInitializer>().InitializeAsync(TextWriter.Null, ct);
                var connector = (await bench.Get<ConnectorAdmin>().ListAsync(ct)).Single(c => c.Kind == ConnectorKind.BuiltIn).Id;
                var created = await bench.Get<ConnectionAdmin>().CreateAsync(new ConnectionInput("Bench Tryton", connector, null, true, [], TrytonConfig(server)), ct);
                await bench.Get<MappingAdmin>().SaveActorTypeAsync(created.Id, ActorType.Customer,
                    new ActorTypeMappingInput(true, TrytonFields.Select(f => new FieldMappingInput(f.ErpKey, f.CrmField, FieldDirection.Both, false, false)).ToList()), ct);
                var activation = await bench.Get<ConnectionAdmin>().SetActiveAsync(created.Id, true, ct);
                if (activation.Problems.Count > 0)
                {
                    throw new InvalidOperationException("The Tryton bench connection cannot be activated: " + string.Join("; ", activation.Problems));
                }

                id = created.Id;
            }

            await File.WriteAllTextAsync(marker, id.ToString(CultureInfo.InvariantCulture));
            return new Workspace(cache, id, 0, clock.Elapsed, "built");
        }

        var work = Path.Combine(options.Root, "artifacts", "bench", "work", "tryton-" + copy);
        Copy(cache, work);
        return new Workspace(work, int.Parse(await File.ReadAllTextAsync(marker), CultureInfo.InvariantCulture), 0, clock.Elapsed, "copied");
    }

    /// <summary>
    /// One Tryton connector for every bench engine of the figure, as a running server has one: its HTTP connections and
    /// login session carry over between runs instead of each timed import paying a fresh login.
    /// </summary>
    public static ISyncConnector TrytonConnector { get; } = new Connectors.Tryton.TrytonConnector(TimeProvider.System);

    /// <summary>The connection settings of TrytonConformanceFixture, as the admin form sends them.</summary>
    private static Dictionary<string, string?> TrytonConfig(TrytonServer server) => new()
    {
        ["ServerUrl"] = server.RootUrl.ToString(),
        ["Database"] = "erpsync",
        ["UserName"] = "admin",
        ["Password"] = server.Password,
        ["Company"] = server.Company.ToString(CultureInfo.InvariantCulture),
        ["CustomerCategory"] = server.SeedId("party_categories", "customer").ToString(CultureInfo.InvariantCulture),
        ["SupplierCategory"] = server.SeedId("party_categories", "supplier").ToString(CultureInfo.InvariantCulture),
        ["PersonRelation"] = server.SeedId("relation_types", "contact_of").ToString(CultureInfo.InvariantCulture),
    };
}
