using System.Text.RegularExpressions;
using ErpSync.Engine.Crm;
using ErpSync.Engine.Data;
using ErpSync.Server.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ErpSync.Server.BrowserTests;

/// <summary>Settings → Lists: add, rename, move and soft-delete an item; records that use a deleted item keep it.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class ListsAdminTests(BrowserApp app)
{
    [Theory]
    [InlineData("en-US", " (deleted)", "Countries")]
    [InlineData("nl-NL", " (verwijderd)", "Landen")]
    public async Task CountryItem_AddRenameMoveDelete_CompanyKeepsDeletedCountry(string locale, string deletedSuffix, string listName)
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var country = $"Atlantis {unique}";
        var renamed = $"Nieuw-Atlantis {unique}";
        var page = await app.NewPageAsync(locale);
        await Session.SignInAsync(page, DatabaseInitializer.AdminUserName, BrowserApp.AdminPassword);
        var lists = new ListsAdmin(page);
        await lists.OpenFromSettingsAsync(CrmListKeys.Country);
        await Expect(page.GetByTestId("list-" + CrmListKeys.Country)).ToContainTextAsync(listName);

        await lists.AddAsync(country, unique[..2].ToUpperInvariant());
        await Expect(page.GetByTestId("new-item-name")).ToHaveValueAsync("");
        await Expect(lists.Rows.Last).ToHaveAttributeAsync("data-name", country);
        await lists.RenameAsync(country, renamed);
        await Expect(lists.Row(country)).ToHaveCountAsync(0);

        // Move up: it trades places with the item above it, and stays there after a reload.
        var count = await lists.Rows.CountAsync();
        var above = await lists.Rows.Nth(count - 2).GetAttributeAsync("data-name");
        await lists.Row(renamed).GetByTestId("move-up").ClickAsync();
        await Expect(lists.Rows.Nth(count - 2)).ToHaveAttributeAsync("data-name", renamed);
        await Expect(lists.Rows.Last).ToHaveAttributeAsync("data-name", above!);
        await lists.OpenFromSettingsAsync(CrmListKeys.Country);
        await Expect(lists.Rows.Nth(count - 2)).ToHaveAttributeAsync("data-name", renamed);
        await Screenshots.TakeAsync(page, $"{locale[..2]}-lists");

        // A company that uses the country.
        var companies = RecordPage.Companies(page);
        await Session.GotoInteractiveAsync(page, "companies/new");
        await companies.FillAsync("name", $"Poseidon {unique}");
        await companies.Field("countryId").SelectOptionAsync(new SelectOptionValue { Label = renamed });
        await companies.SaveNewAsync();
        var companyId = companies.CurrentId;
        var itemId = await companies.Field("countryId").InputValueAsync();
        itemId.ShouldNotBeEmpty();

        // Soft delete: struck through with a Restore button.
        await lists.OpenFromSettingsAsync(CrmListKeys.Country);
        await lists.Row(renamed).GetByTestId("delete-item").ClickAsync();
        await Expect(lists.Row(renamed).GetByTestId("restore-item")).ToBeVisibleAsync();
        await Expect(lists.Row(renamed)).ToHaveAttributeAsync("data-deleted", "true");
        await Expect(lists.Row(renamed).Locator("td").First).ToHaveClassAsync(new Regex("text-decoration-line-through"));

        // New companies cannot choose it; the company that uses it keeps it.
        await Session.GotoInteractiveAsync(page, "companies/new");
        await Expect(companies.Field("countryId").Locator("option").Nth(1)).ToBeAttachedAsync();
        await Expect(companies.Field("countryId").Locator("option", new() { HasText = renamed })).ToHaveCountAsync(0);

        await Session.GotoInteractiveAsync(page, $"companies/{companyId}");
        await Expect(companies.Field("countryId")).ToHaveValueAsync(itemId);
        await Expect(companies.Field("countryId").Locator("option:checked")).ToHaveTextAsync(renamed + deletedSuffix);
        await companies.FillAsync("phone", "+30 123 456");
        await companies.SaveAsync();
        await Expect(companies.Field("countryId")).ToHaveValueAsync(itemId);
        await page.Context.CloseAsync();
    }
}
