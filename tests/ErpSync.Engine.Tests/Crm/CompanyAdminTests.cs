using ErpSync.Engine.Crm;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Engine.Tests.Crm;

public sealed class CompanyAdminTests(CrmDatabase database) : IClassFixture<CrmDatabase>
{
    private readonly CompanyAdmin _companies = database.Get<CompanyAdmin>();
    private readonly PersonAdmin _persons = database.Get<PersonAdmin>();
    private readonly ProjectAdmin _projects = database.Get<ProjectAdmin>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAndUpdate_EveryWrite_GetsStrictlyHigherChangeSeq()
    {
        var first = await _companies.CreateAsync(new CompanyInput { Name = "Seq One B.V." }, Ct);
        var second = await _companies.CreateAsync(new CompanyInput { Name = "Seq Two B.V." }, Ct);
        var updated = await _companies.UpdateAsync(first.Id, first.Values with { StreetCity = "Utrecht" }, Ct);
        var updatedAgain = await _companies.UpdateAsync(first.Id, updated.Values with { Phone = "+31 30 123" }, Ct);

        second.ChangeSeq.ShouldBeGreaterThan(first.ChangeSeq);
        updated.ChangeSeq.ShouldBeGreaterThan(second.ChangeSeq);
        updatedAgain.ChangeSeq.ShouldBeGreaterThan(updated.ChangeSeq);
        updatedAgain.Values.Phone.ShouldBe("+31 30 123");
    }

    [Fact]
    public async Task Create_InvalidFields_ReportsEachFieldAndSavesNothing()
    {
        var category = await database.ListItemIdAsync(CrmListKeys.Category, "CUST");
        var before = await CountAsync();

        var error = await Should.ThrowAsync<UserErrorException>(() => _companies.CreateAsync(new CompanyInput
        {
            Name = "  ",
            Email = "not-an-address",
            Website = "ftp://example.com",
            CountryId = category,
        }, Ct));

        error.FieldErrors.Keys.ShouldBe(["name", "email", "website", "countryId"], ignoreOrder: true);
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Update_TooLongName_LeavesRecordUnchanged()
    {
        var company = await _companies.CreateAsync(new CompanyInput { Name = "Unchanged B.V.", Email = "info@unchanged.nl" }, Ct);

        var error = await Should.ThrowAsync<UserErrorException>(() =>
            _companies.UpdateAsync(company.Id, company.Values with { Name = new string('x', Company.NameMaxLength + 1), Email = "info@other.nl" }, Ct));

        error.FieldErrors.Keys.ShouldBe(["name"]);
        var reloaded = await _companies.GetAsync(company.Id, Ct);
        reloaded.Values.ShouldBe(company.Values);
        reloaded.ChangeSeq.ShouldBe(company.ChangeSeq);
    }

    [Fact]
    public async Task List_Search_IgnoresCaseAcrossColumns()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await _companies.CreateAsync(new CompanyInput { Name = $"Zonnebloem {tag} Kwekerij", StreetCity = "Aalsmeer" }, Ct);
        await _companies.CreateAsync(new CompanyInput { Name = "Other", Email = $"SALES-{tag}@EXAMPLE.COM" }, Ct);

        (await _companies.ListAsync($"ZONNEBLOEM {tag.ToUpperInvariant()}", 0, 10, Ct)).Total.ShouldBe(1);
        (await _companies.ListAsync($"aalsMEER {tag}", 0, 10, Ct)).Items.Single().City.ShouldBe("Aalsmeer");
        (await _companies.ListAsync($"sales-{tag}", 0, 10, Ct)).Items.Single().Name.ShouldBe("Other");
    }

    [Fact]
    public async Task List_Paging_ReturnsSlicesSortedByNameWithTotal()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        foreach (var letter in new[] { "E", "C", "A", "D", "B" })
        {
            await _companies.CreateAsync(new CompanyInput { Name = $"{letter} {tag}" }, Ct);
        }

        var page = await _companies.ListAsync(tag, 2, 2, Ct);

        page.Total.ShouldBe(5);
        page.Items.Select(c => c.Name[..1]).ShouldBe(["C", "D"]);
    }

    [Fact]
    public async Task Delete_RemovesPersonsAndUnlinksProjects()
    {
        var company = await _companies.CreateAsync(new CompanyInput { Name = "Doomed B.V." }, Ct);
        var person = await _persons.CreateAsync(new PersonInput { CompanyId = company.Id, LastName = "Jansen" }, Ct);
        var project = await _projects.CreateAsync(new ProjectInput { Name = "Survivor", CompanyId = company.Id }, Ct);

        await _companies.DeleteAsync(company.Id, Ct);

        (await Should.ThrowAsync<UserErrorException>(() => _persons.GetAsync(person.Id, Ct))).Status.ShouldBe(404);
        var unlinked = await _projects.GetAsync(project.Id, Ct);
        unlinked.Values.CompanyId.ShouldBeNull();
        unlinked.ChangeSeq.ShouldBeGreaterThan(project.ChangeSeq);
    }

    [Fact]
    public async Task DeletedListItem_StaysOnRecordThatUsesIt_ButIsRefusedAsNewChoice()
    {
        var lists = database.Get<CrmListAdmin>();
        var category = (await lists.ListAsync(Ct)).Single(l => l.Key == CrmListKeys.Category);
        var item = await lists.AddItemAsync(category.Id, new CrmListItemInput { Name = "Temporary " + Guid.NewGuid().ToString("N")[..6] }, Ct);
        var user = await _companies.CreateAsync(new CompanyInput { Name = "Keeps Item", CategoryId = item.Id }, Ct);
        await lists.SetDeletedAsync(category.Id, item.Id, deleted: true, Ct);

        var kept = await _companies.UpdateAsync(user.Id, user.Values with { Notes = "still valid" }, Ct);
        var error = await Should.ThrowAsync<UserErrorException>(() => _companies.CreateAsync(new CompanyInput { Name = "New", CategoryId = item.Id }, Ct));

        kept.Values.CategoryId.ShouldBe(item.Id);
        error.FieldErrors.Keys.ShouldBe(["categoryId"]);
    }

    private async Task<int> CountAsync()
    {
        await using var db = await database.OpenAsync();
        return await db.Companies.CountAsync();
    }
}
