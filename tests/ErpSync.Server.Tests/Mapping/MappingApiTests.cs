using System.Net;
using System.Net.Http.Json;
using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Transfer;

namespace ErpSync.Server.Tests.Mapping;

/// <summary>The endpoints behind Mappings, List mapping, Defaults, Rank fields, Set sync priority and export/import, once per database.</summary>
public abstract class MappingApiTests(ErpSyncApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mappings_AutoMappedWithoutDirection_OptionsFollowTypeRules()
    {
        using var client = await app.CreateAdminClientAsync();
        var id = await CreateConnectionAsync(client);

        var view = await client.GetFromJsonAsync<MappingsView>($"/api/connections/{id}/mappings", ApiJson.Options, Ct);

        var customer = view!.ActorTypes.Single(a => a.ActorType == ActorType.Customer);
        var name = customer.Fields.Single(f => f.FieldKey == "NAME");
        name.ShouldSatisfyAllConditions(f => f.CrmField.ShouldBe("name"), f => f.Direction.ShouldBe(FieldDirection.None), f => f.IsMandatory.ShouldBeTrue());
        customer.Fields.Single(f => f.FieldKey == "NUMBER1").CrmFieldOptions.Single(o => o.Key == "code").Directions.ShouldBe([FieldDirection.ToCrm]);
        customer.Fields.Single(f => f.FieldKey == "COUNTRY").CrmFieldOptions.Select(o => o.Key).ShouldBe(["country", "category", "business"]);
        view.IsLocked.ShouldBeFalse();
    }

    [Fact]
    public async Task SaveMappings_OneImpossibleField_RefusedPerFieldAndNothingSaved()
    {
        using var client = await app.CreateAdminClientAsync();
        var id = await CreateConnectionAsync(client);

        var response = await client.PutJsonAsync($"/api/connections/{id}/mappings", new Dictionary<string, ActorTypeMappingInput>
        {
            ["Customer"] = new(true, [new("EMAIL", "email", FieldDirection.Both, true, false), new("NUMBER1", "code", FieldDirection.ToErp, false, false)]),
            ["Person"] = new(true, [new("EMAIL", "email", FieldDirection.ToCrm, false, true)]),
        });
        var view = await client.GetFromJsonAsync<MappingsView>($"/api/connections/{id}/mappings", ApiJson.Options, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadFieldErrorsAsync()).Keys.ShouldBe(["Customer.NUMBER1", "Person.EMAIL"], ignoreOrder: true);
        view!.ActorTypes.ShouldAllBe(a => !a.IsActive);
        view.ActorTypes.Single(a => a.ActorType == ActorType.Customer).Fields.Single(f => f.FieldKey == "EMAIL").Direction.ShouldBe(FieldDirection.None);
    }

    [Fact]
    public async Task SaveMappings_TwoSyncedErpFieldsIntoOneCrmField_Refused()
    {
        using var client = await app.CreateAdminClientAsync();
        var id = await CreateConnectionAsync(client);

        var response = await client.PutJsonAsync($"/api/connections/{id}/mappings/Customer", new ActorTypeMappingInput(true,
            [new("EMAIL", "email", FieldDirection.Both, false, false), new("DEPARTMENT", "email", FieldDirection.ToCrm, false, false)]));

        (await response.ReadFieldErrorsAsync()).Keys.ShouldBe(["Customer.EMAIL", "Customer.DEPARTMENT"], ignoreOrder: true);
    }

    [Fact]
    public async Task SaveMappings_Valid_SummaryListsSyncedFields_LockedWhileActive()
    {
        using var client = await app.CreateAdminClientAsync();
        var id = await CreateConnectionAsync(client);

        var saved = await client.PutJsonAsync($"/api/connections/{id}/mappings/Customer", new ActorTypeMappingInput(true,
            [new("NAME", "name", FieldDirection.Both, true, false, ConflictPolicy.ErpWins), new("EMAIL", "email", FieldDirection.ToCrm, false, false), new("BALANCE", null, FieldDirection.None, false, true)]));
        var details = await client.GetFromJsonAsync<ConnectionDetails>($"/api/connections/{id}", ApiJson.Options, Ct);
        await client.PutJsonAsync($"/api/connections/{id}/active", new { active = true });
        var locked = await client.PutJsonAsync($"/api/connections/{id}/mappings/Customer", new ActorTypeMappingInput(false, []));

        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        details!.ActorTypes.Single(a => a.ActorType == ActorType.Customer).SyncedFields.Select(f => (f.ErpField, f.Direction))
            .ShouldBe([("Name", FieldDirection.Both), ("Email", FieldDirection.ToCrm)]);
        locked.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Defaults_RulesRefuseBadInput_ValidDefaultSaved()
    {
        using var client = await app.CreateAdminClientAsync();
        var id = await CreateConnectionAsync(client);

        var mandatoryAlone = await client.PutJsonAsync($"/api/connections/{id}/defaults/Customer/EMAIL", new DefaultInput(false, null, false, true));
        var badListKey = await client.PutJsonAsync($"/api/connections/{id}/defaults/Customer/COUNTRY", new DefaultInput(true, "ZZ", false, false));
        var optionalMandatory = await client.PutJsonAsync($"/api/connections/{id}/defaults/Person/LASTNAME", new DefaultInput(true, "Jansen", false, false));
        var good = await client.PutJsonAsync($"/api/connections/{id}/defaults/Customer/COUNTRY", new DefaultInput(true, "NL", true, false));

        (await mandatoryAlone.ReadFieldErrorsAsync()).Keys.ShouldBe(["EMAIL"]);
        (await badListKey.ReadFieldErrorsAsync())["COUNTRY"][0].ShouldContain("ZZ");
        (await optionalMandatory.ReadFieldErrorsAsync()).Keys.ShouldBe(["LASTNAME"]);
        var country = (await good.ReadAsync<MappingsView>()).ActorTypes.Single(a => a.ActorType == ActorType.Customer).Fields.Single(f => f.FieldKey == "COUNTRY");
        country.Default.ShouldBe(new DefaultView(true, "NL", null, true, false));
        (await client.DeleteAsync($"/api/connections/{id}/defaults/Customer/COUNTRY", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ranks_MustNameEveryFieldOnce_ThenOrderIsKept()
    {
        using var client = await app.CreateAdminClientAsync();
        var id = await CreateConnectionAsync(client);
        var keys = (await client.GetFromJsonAsync<MappingsView>($"/api/connections/{id}/mappings", ApiJson.Options, Ct))!
            .ActorTypes.Single(a => a.ActorType == ActorType.Project).Fields.Select(f => f.FieldKey).ToList();

        var partial = await client.PutJsonAsync($"/api/connections/{id}/ranks/Project", new { fieldKeys = keys.Skip(1) });
        var reversed = await client.PutJsonAsync($"/api/connections/{id}/ranks/Project", new { fieldKeys = Enumerable.Reverse(keys) });
        var after = (await client.GetFromJsonAsync<MappingsView>($"/api/connections/{id}/mappings", ApiJson.Options, Ct))!
            .ActorTypes.Single(a => a.ActorType == ActorType.Project).Fields.Select(f => f.FieldKey);

        partial.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        reversed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        after.ShouldBe(Enumerable.Reverse(keys));
    }

    [Fact]
    public async Task ListMapping_DuplicateRefused_CompleteMappingLetsActivationPass()
    {
        using var client = await app.CreateAdminClientAsync();
        var id = await CreateConnectionAsync(client);
        await client.PutJsonAsync($"/api/connections/{id}/mappings/Customer", new ActorTypeMappingInput(true, [new("NAME", "name", FieldDirection.Both, false, false), new("COUNTRY", "country", FieldDirection.Both, false, false)]));

        var refused = await (await client.PutJsonAsync($"/api/connections/{id}/active", new { active = true })).ReadAsync<ActivationResult>();
        var lists = await client.GetFromJsonAsync<ListMappingsView>($"/api/connections/{id}/list-mappings", ApiJson.Options, Ct);
        var country = lists!.Lists.Single(l => l.ActorType == ActorType.Customer && l.FieldKey == "COUNTRY");
        var nl = country.CrmItems.Single(i => i.Code == "NL").Id;
        var duplicate = await client.PutJsonAsync($"/api/connections/{id}/list-mappings/Customer/COUNTRY",
            new { items = new[] { new ListItemInput("NL", nl), new ListItemInput("BE", nl) } });
        var suggestion = ListSuggester.Suggest(country.Items.Select(i => new ListItem(i.ErpKey, i.ErpText)).ToList(), country.CrmItems, new Dictionary<string, int?>());
        var saved = await client.PutJsonAsync($"/api/connections/{id}/list-mappings/Customer/COUNTRY",
            new { items = country.Items.Select(i => new ListItemInput(i.ErpKey, suggestion.TryGetValue(i.ErpKey, out var crm) ? crm : null)) });
        var accepted = await (await client.PutJsonAsync($"/api/connections/{id}/active", new { active = true })).ReadAsync<ActivationResult>();

        refused.IsActive.ShouldBeFalse();
        refused.Problems.ShouldHaveSingleItem().ShouldContain("Country");
        lists.Lists.ShouldAllBe(l => l.FieldKey == "COUNTRY");
        (await duplicate.ReadFieldErrorsAsync()).Keys.ShouldBe(["NL", "BE"], ignoreOrder: true);
        saved.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        accepted.IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task Priority_MustNameCrmAndEveryConnection()
    {
        using var client = await app.CreateAdminClientAsync();
        var id = await CreateConnectionAsync(client);
        var current = (await client.GetFromJsonAsync<List<PriorityEntry>>("/api/sync/priority", ApiJson.Options, Ct))!;

        var missing = await client.PutJsonAsync("/api/sync/priority", new { order = new[] { id } });
        var moved = await (await client.PutJsonAsync("/api/sync/priority", new { order = current.Select(e => e.ConnectionId).Where(c => c != id).Prepend(id) })).ReadAsync<List<PriorityEntry>>();

        current.ShouldContain(e => e.IsCrm && e.ConnectionId == 0);
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        moved[0].ConnectionId.ShouldBe(id);
    }

    [Fact]
    public async Task ExportImport_RoundTripsMappingsWithoutSecrets()
    {
        using var client = await app.CreateAdminClientAsync();
        var id = await CreateConnectionAsync(client);
        await client.PutJsonAsync($"/api/connections/{id}/mappings/Person", new ActorTypeMappingInput(true, [new("LASTNAME", "lastName", FieldDirection.Both, true, false, ConflictPolicy.Review)]));
        await client.PutJsonAsync($"/api/connections/{id}/defaults/Person/TITLE", new DefaultInput(true, "Dhr.", true, false));

        var export = await client.GetAsync($"/api/connections/{id}/export", Ct);
        var json = await export.Content.ReadAsStringAsync(Ct);
        var document = System.Text.Json.JsonSerializer.Deserialize<ConnectionExport>(json, ApiJson.Options)!;
        var withoutSecret = await client.PostJsonAsync("/api/connections/import", new ConnectionImportRequest(document, "Copy " + Guid.NewGuid().ToString("N")[..6], new Dictionary<string, string?>()));
        var imported = await client.PostJsonAsync("/api/connections/import", new ConnectionImportRequest(document, "Copy " + Guid.NewGuid().ToString("N")[..6], new Dictionary<string, string?> { ["Password"] = "demo-erp" }));
        var copy = await client.GetFromJsonAsync<MappingsView>($"/api/connections/{(await imported.ReadAsync<ConnectionDetails>()).Id}/mappings", ApiJson.Options, Ct);

        export.Content.Headers.ContentDisposition!.FileName!.ShouldContain("erpsync-connection");
        json.ShouldNotContain("demo-erp\"", Case.Sensitive);
        document.Secrets.ShouldBe(["Password"]);
        withoutSecret.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        imported.StatusCode.ShouldBe(HttpStatusCode.Created);
        var person = copy!.ActorTypes.Single(a => a.ActorType == ActorType.Person);
        person.IsActive.ShouldBeTrue();
        person.Fields.Single(f => f.FieldKey == "LASTNAME").ShouldSatisfyAllConditions(f => f.Direction.ShouldBe(FieldDirection.Both), f => f.ConflictPolicy.ShouldBe(ConflictPolicy.Review));
        person.Fields.Single(f => f.FieldKey == "TITLE").Default.ShouldBe(new DefaultView(true, "Dhr.", null, true, false));
    }

    [Fact]
    public async Task Import_UnknownScopeUserAndWrongFormat_ProblemsAndNothingCreated()
    {
        using var client = await app.CreateAdminClientAsync();
        var id = await CreateConnectionAsync(client);
        var document = System.Text.Json.JsonSerializer.Deserialize<ConnectionExport>(await client.GetStringAsync($"/api/connections/{id}/export", Ct), ApiJson.Options)!;
        var before = (await client.GetFromJsonAsync<List<ConnectionSummary>>("/api/connections?includeDeleted=true", ApiJson.Options, Ct))!.Count;

        var unknownUser = await client.PostJsonAsync("/api/connections/import", new ConnectionImportRequest(document with { AllAccess = false, Access = [new ExportedAccess("nobody-here", null, true, true)] }, "X", new Dictionary<string, string?> { ["Password"] = "demo-erp" }));
        var wrongFormat = await client.PostJsonAsync("/api/connections/import", new ConnectionImportRequest(document with { Format = "something-else" }, "Y", new Dictionary<string, string?>()));

        (await unknownUser.ReadFieldErrorsAsync())["access"][0].ShouldContain("nobody-here");
        (await wrongFormat.ReadFieldErrorsAsync()).Keys.ShouldBe(["format"]);
        (await client.GetFromJsonAsync<List<ConnectionSummary>>("/api/connections?includeDeleted=true", ApiJson.Options, Ct))!.Count.ShouldBe(before);
    }

    private async Task<int> CreateConnectionAsync(HttpClient client)
    {
        var connectors = await client.GetFromJsonAsync<List<ConnectorSummary>>("/api/connectors", ApiJson.Options, Ct);
        var demo = connectors!.Single(c => c.BuiltInName == "ErpSync.DemoErp");
        var response = await client.PostJsonAsync("/api/connections", new ConnectionInput("Mapping " + Guid.NewGuid().ToString("N")[..8], demo.Id, null, true, [], new Dictionary<string, string?>
        {
            ["DatabaseFile"] = Path.Combine(Path.GetTempPath(), $"erpsync-mapping-{app.Database}-demo.db"),
            ["Administration"] = "NL01",
            ["UserName"] = "demo",
            ["Password"] = "demo-erp",
        }));
        return (await response.ReadAsync<ConnectionDetails>()).Id;
    }
}

public sealed class MappingApiTests_Sqlite(SqliteErpSyncApp app) : MappingApiTests(app), IClassFixture<SqliteErpSyncApp>;

public sealed class MappingApiTests_Postgres(PostgresErpSyncApp app) : MappingApiTests(app), IClassFixture<PostgresErpSyncApp>;
