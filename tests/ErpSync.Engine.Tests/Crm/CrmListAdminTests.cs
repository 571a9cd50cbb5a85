using ErpSync.Engine.Crm;

namespace ErpSync.Engine.Tests.Crm;

public sealed class CrmListAdminTests(CrmDatabase database) : IClassFixture<CrmDatabase>
{
    private readonly CrmListAdmin _lists = database.Get<CrmListAdmin>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddRenameReorderDelete_ChangesOnlyThatList()
    {
        var business = (await _lists.ListAsync(Ct)).Single(l => l.Key == CrmListKeys.Business);
        var added = await _lists.AddItemAsync(business.Id, new CrmListItemInput { Name = "Agriculture", Code = "AGR" }, Ct);
        await _lists.UpdateItemAsync(business.Id, added.Id, new CrmListItemInput { Name = "Agriculture and fishing", Code = "AGR" }, Ct);
        await _lists.ReorderAsync(business.Id, [added.Id], Ct);
        await _lists.SetDeletedAsync(business.Id, business.Items[0].Id, deleted: true, Ct);

        var after = await _lists.GetAsync(business.Id, Ct);
        after.Items[0].ShouldBe(added with { Name = "Agriculture and fishing", Rank = 0 });
        after.Items.Count.ShouldBe(business.Items.Count + 1);
        var choices = await _lists.ChoicesAsync(CrmListKeys.Business, null, Ct);
        choices.ShouldNotContain(c => c.Id == business.Items[0].Id);
        choices[0].Id.ShouldBe(added.Id);
        (await _lists.ChoicesAsync(CrmListKeys.Business, business.Items[0].Id, Ct)).ShouldContain(c => c.Id == business.Items[0].Id && c.IsDeleted);
    }

    [Fact]
    public async Task AddItem_DuplicateName_IsRefused()
    {
        var country = (await _lists.ListAsync(Ct)).Single(l => l.Key == CrmListKeys.Country);

        var error = await Should.ThrowAsync<UserErrorException>(() => _lists.AddItemAsync(country.Id, new CrmListItemInput { Name = "belgium" }, Ct));

        error.FieldErrors.Keys.ShouldBe(["name"]);
    }

    [Fact]
    public async Task Reorder_ItemOfOtherList_IsRefused()
    {
        var all = await _lists.ListAsync(Ct);
        var country = all.Single(l => l.Key == CrmListKeys.Country);
        var currency = all.Single(l => l.Key == CrmListKeys.Currency);

        await Should.ThrowAsync<UserErrorException>(() => _lists.ReorderAsync(country.Id, [currency.Items[0].Id], Ct));
    }
}
