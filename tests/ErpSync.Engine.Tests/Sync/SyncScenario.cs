using ErpSync.Connectors;
using ErpSync.Connectors.DemoErp;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Crm;
using ErpSync.Engine.Data;
using ErpSync.Engine.Links;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Sync;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSync.Engine.Tests.Sync;

/// <summary>
/// A real engine on its own SQLite file with the demo ERP connector (its own file too), one or more active
/// connections mapping Customer to company, and helpers to link records and act as a user on either side.
/// </summary>
public sealed class SyncScenario : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("erpsync-sync-").FullName;
    private readonly ServiceProvider _services;
    private readonly Dictionary<int, string> _erpNames = [];

    private SyncScenario()
    {
        _services = new ServiceCollection()
            .AddErpSyncEngine(new ErpSyncOptions { DataDirectory = _directory, SeedDemoData = false })
            .AddSingleton<ISyncConnector>(sp => new CountingConnector(new DemoErpConnector(TimeProvider.System)))
            .AddLogging()
            .BuildServiceProvider();
    }

    public CountingConnector Connector => (CountingConnector)_services.GetRequiredService<ISyncConnector>();

    public SyncEngine Engine => _services.GetRequiredService<SyncEngine>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<SyncScenario> StartAsync()
    {
        var scenario = new SyncScenario();
        await using var db = await scenario.OpenAsync();
        await db.Database.MigrateAsync();
        await CrmListSeed.EnsureAsync(db, CancellationToken.None);
        await scenario.Get<ConnectorAdmin>().EnsureBuiltInsAsync(CancellationToken.None);
        return scenario;
    }

    public async Task<ErpSyncDb> OpenAsync() => await _services.GetRequiredService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync();

    public string ErpFile(string name) => Path.Combine(_directory, name + ".db");

    /// <summary>An active connection to its own demo ERP file with Customer synced as given, COUNTRY items mapped by code.</summary>
    public async Task<int> ConnectionAsync(string erpName, params FieldMappingInput[] fields)
    {
        var connectors = await Get<ConnectorAdmin>().ListAsync(CancellationToken.None);
        var created = await Get<ConnectionAdmin>().CreateAsync(new ConnectionInput(erpName, connectors.Single().Id, null, true, [], new Dictionary<string, string?>
        {
            ["DatabaseFile"] = ErpFile(erpName),
            ["Administration"] = "NL01",
            ["UserName"] = "demo",
            ["Password"] = "demo-erp",
        }), CancellationToken.None);
        var mappings = Get<MappingAdmin>();
        await mappings.SaveActorTypeAsync(created.Id, ActorType.Customer, new ActorTypeMappingInput(true, fields), CancellationToken.None);
        if (fields.Any(f => f.FieldKey == "COUNTRY"))
        {
            var list = (await mappings.GetListMappingsAsync(created.Id, CancellationToken.None)).Lists.Single(l => l.ActorType == ActorType.Customer && l.FieldKey == "COUNTRY");
            // Belgium is deliberately left unmapped, so a Belgian value parks the record.
            await mappings.SaveListMappingAsync(created.Id, ActorType.Customer, "COUNTRY", list.Items
                .Select(i => new ListItemInput(i.ErpKey, i.ErpKey == "BE" ? null : list.CrmItems.FirstOrDefault(c => c.Code == i.ErpKey)?.Id)).ToList(), CancellationToken.None);
        }

        _erpNames[created.Id] = erpName;
        var activation = await Get<ConnectionAdmin>().SetActiveAsync(created.Id, true, CancellationToken.None);
        activation.Problems.ShouldBeEmpty();
        if (fields.Any(f => f.FieldKey == "COUNTRY"))
        {
            // As if the ERP added Belgium to its list after activation: an ERP value nobody mapped yet.
            await using var db = await OpenAsync();
            db.ListItemMappings.RemoveRange(db.ListItemMappings.Where(i => i.ErpItemKey == "BE"));
            await db.SaveChangesAsync();
        }

        return created.Id;
    }

    public async Task<DemoErpDatabase> ErpAsync(string erpName) => await DemoErpDatabase.OpenAsync(ErpFile(erpName), TimeProvider.System);

    public async Task<Actor> ErpActorAsync(int connectionId, string key, ActorType type = ActorType.Customer)
    {
        await using var db = await OpenAsync();
        var connection = await db.Connections.Include(c => c.ConfigValues).FirstAsync(c => c.Id == connectionId);
        var context = new ConnectorContext(connection.PublicId, Get<ConnectionConfigStore>().Read(connection));
        return (await Connector.Inner.GetActorsAsync(context, new GetActorsRequest(type, [key], []), CancellationToken.None)).GetValueOrThrow().Single();
    }

    /// <summary>A CRM company linked to ERP actor <paramref name="erpKey"/>, with both sides and the base equal for the synced fields.</summary>
    public async Task<int> LinkedCompanyAsync(int connectionId, string erpKey, int? companyId = null)
    {
        // A Dutch customer: Belgium is left unmapped on purpose (see ConnectionAsync).
        await (await ErpAsync(_erpNames[connectionId])).UpdateFieldsAsync("NL01", erpKey, new Dictionary<string, FieldValue?> { ["COUNTRY"] = FieldValue.List("NL") });
        var actor = await ErpActorAsync(connectionId, erpKey);
        await using var db = await OpenAsync();
        var company = companyId is { } id ? await db.Companies.FirstAsync(c => c.Id == id) : db.Companies.Add(new Company { Name = "" }).Entity;
        var connection = await ConnectionLoader.LoadAsync(db, connectionId, CancellationToken.None);
        var fields = SyncSetup.Fields(connection.ActorTypes.Single(a => a.ActorType == ActorType.Customer));
        var baseValues = new Dictionary<string, FieldValue?>();
        foreach (var field in fields)
        {
            actor.Fields.TryGetValue(field.Erp.Key, out var value);
            SyncValueConverter.TryToCrm(field.Crm, value, field.Lists, out var raw).ShouldBeTrue(field.Erp.Key);
            if (companyId is null)
            {
                CrmFieldAccess.Set(CrmEntity.Company, company, field.Crm.Key, raw);
            }

            baseValues[field.Erp.Key] = SyncValues.Normalize(value);
        }

        await db.SaveChangesAsync();
        var link = new Link { ConnectionId = connectionId, CrmEntity = CrmEntity.Company, CrmRecordId = company.Id, ActorType = ActorType.Customer, ErpKey = erpKey, ErpVersion = actor.Version, CrmChangeSeq = company.ChangeSeq };
        LinkBase.Write(link, baseValues);
        db.Links.Add(link);
        await db.SaveChangesAsync();
        return company.Id;
    }

    public async Task<Company> CompanyAsync(int id)
    {
        await using var db = await OpenAsync();
        return await db.Companies.AsNoTracking().FirstAsync(c => c.Id == id);
    }

    public async Task EditCompanyAsync(int id, Action<Company> edit)
    {
        await using var db = await OpenAsync();
        edit(await db.Companies.FirstAsync(c => c.Id == id));
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
