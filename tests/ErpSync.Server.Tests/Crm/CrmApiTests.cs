using System.Net;
using ErpSync.Engine.Crm;

namespace ErpSync.Server.Tests.Crm;

/// <summary>The CRM endpoints, run once per database (see the sealed subclasses at the end).</summary>
public abstract class CrmApiTests(ErpSyncApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Companies_CreateReadUpdateDelete_RoundTrips()
    {
        using var client = await app.CreateAdminClientAsync();
        var tag = Tag();

        var created = await client.PostJsonAsync("/api/companies", new CompanyInput { Name = $"Gouden Korst {tag}", StreetCity = "Utrecht", Email = "info@korst.nl" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var company = await created.ReadAsync<CompanyDetails>();
        created.Headers.Location!.ToString().ShouldBe($"/api/companies/{company.Id}");

        var updated = await (await client.PutJsonAsync($"/api/companies/{company.Id}", company.Values with { Phone = "+31 30 1234567" })).ReadAsync<CompanyDetails>();
        var found = await (await client.GetAsync($"/api/companies?q=KORST%20{tag}&take=5", Ct)).ReadAsync<ResultPage<CompanySummary>>();
        var deleted = await client.DeleteAsync($"/api/companies/{company.Id}", Ct);
        var gone = await client.GetAsync($"/api/companies/{company.Id}", Ct);

        updated.Values.Phone.ShouldBe("+31 30 1234567");
        updated.ChangeSeq.ShouldBeGreaterThan(company.ChangeSeq);
        found.Total.ShouldBe(1);
        found.Items[0].City.ShouldBe("Utrecht");
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Companies_InvalidInput_Returns400PerFieldAndSavesNothing()
    {
        using var client = await app.CreateAdminClientAsync();
        var tag = Tag();
        var existing = await (await client.PostJsonAsync("/api/companies", new CompanyInput { Name = $"Stable {tag}" })).ReadAsync<CompanyDetails>();

        var create = await client.PostJsonAsync("/api/companies", new CompanyInput { Name = "", Email = $"broken-{tag}", Website = "www" });
        var update = await client.PutJsonAsync($"/api/companies/{existing.Id}", new CompanyInput { Name = $"Renamed {tag}", CountryId = -1 });

        create.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await create.ReadFieldErrorsAsync()).Keys.ShouldBe(["name", "email", "website"], ignoreOrder: true);
        update.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await update.ReadFieldErrorsAsync()).Keys.ShouldBe(["countryId"]);
        (await (await client.GetAsync($"/api/companies?q={tag}", Ct)).ReadAsync<ResultPage<CompanySummary>>()).Items.Select(c => c.Name).ShouldBe([$"Stable {tag}"]);
        (await (await client.GetAsync($"/api/companies/{existing.Id}", Ct)).ReadAsync<CompanyDetails>()).ShouldBeEquivalentTo(existing);
    }

    [Fact]
    public async Task Companies_Paging_ReturnsRequestedSliceAndTotal()
    {
        using var client = await app.CreateAdminClientAsync();
        var tag = Tag();
        foreach (var name in new[] { "Delta", "Alpha", "Charlie", "Bravo" })
        {
            (await client.PostJsonAsync("/api/companies", new CompanyInput { Name = $"{name} {tag}" })).EnsureSuccessStatusCode();
        }

        var page = await (await client.GetAsync($"/api/companies?q={tag}&skip=1&take=2", Ct)).ReadAsync<ResultPage<CompanySummary>>();

        page.Total.ShouldBe(4);
        page.Items.Select(c => c.Name).ShouldBe([$"Bravo {tag}", $"Charlie {tag}"]);
    }

    [Fact]
    public async Task Persons_BelongToCompany_AndGoWithIt()
    {
        using var client = await app.CreateAdminClientAsync();
        var company = await (await client.PostJsonAsync("/api/companies", new CompanyInput { Name = $"Het Anker {Tag()}" })).ReadAsync<CompanyDetails>();

        var orphan = await client.PostJsonAsync("/api/persons", new PersonInput { CompanyId = 987_654, LastName = "Nobody" });
        var created = await client.PostJsonAsync("/api/persons", new PersonInput { CompanyId = company.Id, FirstName = "Wim", LastName = "Janssens", Email = "wim@hetanker.be" });
        var person = await created.ReadAsync<PersonDetails>();
        var invalidUpdate = await client.PutJsonAsync($"/api/persons/{person.Id}", person.Values with { LastName = " ", Email = "nope" });
        var ofCompany = await (await client.GetAsync($"/api/persons?companyId={company.Id}", Ct)).ReadAsync<ResultPage<PersonSummary>>();
        await client.DeleteAsync($"/api/companies/{company.Id}", Ct);
        var afterDelete = await client.GetAsync($"/api/persons/{person.Id}", Ct);

        orphan.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await orphan.ReadFieldErrorsAsync()).Keys.ShouldBe(["companyId"]);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        person.FullName.ShouldBe("Wim Janssens");
        (await invalidUpdate.ReadFieldErrorsAsync()).Keys.ShouldBe(["lastName", "email"], ignoreOrder: true);
        ofCompany.Items.Single().Email.ShouldBe("wim@hetanker.be");
        afterDelete.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Projects_Crud_AndLoseCompanyWhenItIsDeleted()
    {
        using var client = await app.CreateAdminClientAsync();
        var company = await (await client.PostJsonAsync("/api/companies", new CompanyInput { Name = $"Installateur {Tag()}" })).ReadAsync<CompanyDetails>();
        var created = await client.PostJsonAsync("/api/projects", new ProjectInput { Name = "Warmtepompen", CompanyId = company.Id, EndDate = new DateOnly(2027, 3, 31) });
        var project = await created.ReadAsync<ProjectDetails>();

        var invalid = await client.PutJsonAsync($"/api/projects/{project.Id}", project.Values with { Url = "warmte" });
        var updated = await (await client.PutJsonAsync($"/api/projects/{project.Id}", project.Values with { Url = "https://example.com/wp" })).ReadAsync<ProjectDetails>();
        await client.DeleteAsync($"/api/companies/{company.Id}", Ct);
        var unlinked = await (await client.GetAsync($"/api/projects/{project.Id}", Ct)).ReadAsync<ProjectDetails>();
        var deleted = await client.DeleteAsync($"/api/projects/{project.Id}", Ct);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        project.CompanyName.ShouldBe(company.Values.Name);
        (await invalid.ReadFieldErrorsAsync()).Keys.ShouldBe(["url"]);
        updated.Values.Url.ShouldBe("https://example.com/wp");
        unlinked.Values.CompanyId.ShouldBeNull();
        unlinked.ChangeSeq.ShouldBeGreaterThan(updated.ChangeSeq);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Lists_AdminsEditItems_UsersOnlyRead()
    {
        using var admin = await app.CreateAdminClientAsync();
        var (_, user) = await app.CreateUserClientAsync();
        using var _ = user;
        var category = (await (await user.GetAsync("/api/lists", Ct)).ReadAsync<List<CrmListDetails>>()).Single(l => l.Key == CrmListKeys.Category);
        var name = $"Reseller {Tag()}";

        var forbidden = await user.PostJsonAsync($"/api/lists/{category.Id}/items", new CrmListItemInput { Name = name });
        var added = await admin.PostJsonAsync($"/api/lists/{category.Id}/items", new CrmListItemInput { Name = name, Code = "RES" });
        var item = await added.ReadAsync<CrmListItemDetails>();
        var duplicate = await admin.PostJsonAsync($"/api/lists/{category.Id}/items", new CrmListItemInput { Name = name.ToUpperInvariant() });
        var renamed = await admin.PutJsonAsync($"/api/lists/{category.Id}/items/{item.Id}", new CrmListItemInput { Name = name + " (EU)", Code = "RES" });
        var reordered = await admin.PutJsonAsync($"/api/lists/{category.Id}/order", new { itemIds = new[] { item.Id } });
        var deleted = await admin.DeleteAsync($"/api/lists/{category.Id}/items/{item.Id}", Ct);
        var after = await (await user.GetAsync($"/api/lists/{category.Id}", Ct)).ReadAsync<CrmListDetails>();

        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        duplicate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        reordered.StatusCode.ShouldBe(HttpStatusCode.OK);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        after.Items[0].ShouldBe(item with { Name = name + " (EU)", Rank = 0, IsDeleted = true });
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];
}

public sealed class CrmApiTests_Sqlite(SqliteErpSyncApp app) : CrmApiTests(app), IClassFixture<SqliteErpSyncApp>;

public sealed class CrmApiTests_Postgres(PostgresErpSyncApp app) : CrmApiTests(app), IClassFixture<PostgresErpSyncApp>;
