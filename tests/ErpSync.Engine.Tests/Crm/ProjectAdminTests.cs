using ErpSync.Engine.Crm;

namespace ErpSync.Engine.Tests.Crm;

public sealed class ProjectAdminTests(CrmDatabase database) : IClassFixture<CrmDatabase>
{
    private readonly ProjectAdmin _projects = database.Get<ProjectAdmin>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAndUpdate_EveryWrite_GetsStrictlyHigherChangeSeq()
    {
        var project = await _projects.CreateAsync(new ProjectInput { Name = "Ovenlijn", EndDate = new DateOnly(2027, 6, 30) }, Ct);
        var updated = await _projects.UpdateAsync(project.Id, project.Values with { Url = "https://example.com/ovenlijn" }, Ct);

        updated.ChangeSeq.ShouldBeGreaterThan(project.ChangeSeq);
        updated.Values.EndDate.ShouldBe(new DateOnly(2027, 6, 30));
    }

    [Fact]
    public async Task Update_InvalidUrlAndUnknownCompany_ChangesNothing()
    {
        var project = await _projects.CreateAsync(new ProjectInput { Name = "Stable" }, Ct);

        var error = await Should.ThrowAsync<UserErrorException>(() =>
            _projects.UpdateAsync(project.Id, new ProjectInput { Name = "Changed", Url = "not a url", CompanyId = 987_654 }, Ct));

        error.FieldErrors.Keys.ShouldBe(["url", "companyId"], ignoreOrder: true);
        (await _projects.GetAsync(project.Id, Ct)).ShouldBe(project);
    }
}
