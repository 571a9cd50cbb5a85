using ErpSync.Engine.Crm;

namespace ErpSync.Engine.Tests.Crm;

public sealed class PersonAdminTests(CrmDatabase database) : IClassFixture<CrmDatabase>
{
    private readonly CompanyAdmin _companies = database.Get<CompanyAdmin>();
    private readonly PersonAdmin _persons = database.Get<PersonAdmin>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAndUpdate_EveryWrite_GetsStrictlyHigherChangeSeq()
    {
        var company = await _companies.CreateAsync(new CompanyInput { Name = "Persons B.V." }, Ct);
        var person = await _persons.CreateAsync(new PersonInput { CompanyId = company.Id, FirstName = "Anneke", LastName = "Vries" }, Ct);
        var updated = await _persons.UpdateAsync(person.Id, person.Values with { MiddleName = "de" }, Ct);

        person.ChangeSeq.ShouldBeGreaterThan(company.ChangeSeq);
        updated.ChangeSeq.ShouldBeGreaterThan(person.ChangeSeq);
        updated.FullName.ShouldBe("Anneke de Vries");
    }

    [Fact]
    public async Task Create_UnknownCompanyAndBadEmail_IsRefusedPerField()
    {
        var error = await Should.ThrowAsync<UserErrorException>(() =>
            _persons.CreateAsync(new PersonInput { CompanyId = 999_999, LastName = "Nobody", Email2 = "x@" }, Ct));

        error.FieldErrors.Keys.ShouldBe(["companyId", "email2"], ignoreOrder: true);
        (await _persons.ListAsync("Nobody", null, 0, 10, Ct)).Total.ShouldBe(0);
    }

    [Fact]
    public async Task List_SearchesNamesEmailAndCompanyName_IgnoringCase()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var company = await _companies.CreateAsync(new CompanyInput { Name = $"Brouwerij {tag}" }, Ct);
        await _persons.CreateAsync(new PersonInput { CompanyId = company.Id, FirstName = "Wim", LastName = "Janssens", Email = "wim@hetanker.be" }, Ct);
        await _persons.CreateAsync(new PersonInput { CompanyId = company.Id, FirstName = "Charlotte", LastName = "Peeters" }, Ct);

        (await _persons.ListAsync($"BROUWERIJ {tag}", null, 0, 10, Ct)).Total.ShouldBe(2);
        (await _persons.ListAsync("WIM@HETANKER", null, 0, 10, Ct)).Items.Single().FullName.ShouldBe("Wim Janssens");
        (await _persons.ListAsync("charLOTTE", company.Id, 0, 10, Ct)).Items.Single().CompanyName.ShouldBe($"Brouwerij {tag}");
    }

    [Fact]
    public async Task Privacy_IsRecordedWithItsTime_AndClearedWithItsSource()
    {
        var company = await _companies.CreateAsync(new CompanyInput { Name = "Privacy B.V." }, Ct);
        var person = await _persons.CreateAsync(new PersonInput { CompanyId = company.Id, LastName = "Bakker", PrivacyBasis = LegalBasis.Consent, PrivacySource = " Webformulier " }, Ct);
        var renamed = await _persons.UpdateAsync(person.Id, person.Values with { FirstName = "Jan" }, Ct);
        var cleared = await _persons.UpdateAsync(person.Id, renamed.Values with { PrivacyBasis = LegalBasis.None }, Ct);
        var refused = await Should.ThrowAsync<UserErrorException>(() => _persons.UpdateAsync(person.Id, cleared.Values with { PrivacyBasis = (LegalBasis)42 }, Ct));

        person.Values.PrivacySource.ShouldBe("Webformulier");
        person.PrivacyRecordedAt.ShouldNotBeNull();
        renamed.PrivacyRecordedAt.ShouldBe(person.PrivacyRecordedAt);
        cleared.ShouldSatisfyAllConditions(c => c.PrivacyRecordedAt.ShouldBeNull(), c => c.Values.PrivacySource.ShouldBeNull());
        refused.FieldErrors.Keys.ShouldBe(["privacyBasis"]);
    }

    [Fact]
    public async Task AnEditBasedOnAnOlderRead_IsRefused_UnlessItSendsNoVersion()
    {
        var company = await _companies.CreateAsync(new CompanyInput { Name = "Versions B.V." }, Ct);
        var opened = await _persons.CreateAsync(new PersonInput { CompanyId = company.Id, LastName = "Smit" }, Ct);
        var other = await _persons.UpdateAsync(opened.Id, opened.Values with { Position = "Inkoper" }, Ct);

        var stale = await Should.ThrowAsync<UserErrorException>(() => _persons.UpdateAsync(opened.Id, opened.Values with { FirstName = "Piet" }, Ct));
        var forced = await _persons.UpdateAsync(opened.Id, opened.Values with { FirstName = "Piet", Version = null }, Ct);

        opened.Values.Version.ShouldBe(opened.ChangeSeq);
        other.Values.Version.ShouldBe(other.ChangeSeq);
        stale.Status.ShouldBe(409);
        forced.Values.FirstName.ShouldBe("Piet");
    }
}
