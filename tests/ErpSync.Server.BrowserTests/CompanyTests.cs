using System.Text.RegularExpressions;
using ErpSync.Engine.Data;
using ErpSync.Server.BrowserTests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace ErpSync.Server.BrowserTests;

/// <summary>Companies: search, create with validation, edit, add a person from the Persons tab, delete.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class CompanyTests(BrowserApp app)
{
    [Theory]
    [InlineData("en-US", "No companies found.")]
    [InlineData("nl-NL", "Geen bedrijven gevonden.")]
    public async Task Search_FindsDemoCompanyCaseInsensitively(string locale, string noResults)
    {
        var page = await SignedInAsync(locale);
        var companies = RecordPage.Companies(page);
        await companies.OpenListAsync();
        await Expect(companies.Rows.First).ToBeVisibleAsync();

        await companies.SearchAsync("gOUDEN kORST");
        await Expect(companies.Rows).ToHaveCountAsync(1);
        await Expect(companies.Rows).ToContainTextAsync("Bakkerij De Gouden Korst");

        await companies.SearchAsync("utrecht");
        await Expect(companies.Row("Bakkerij De Gouden Korst")).ToBeVisibleAsync();

        await companies.SearchAsync("no-such-company-" + Guid.NewGuid().ToString("N")[..6]);
        await Expect(companies.NoResults).ToHaveTextAsync(noResults);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task List_PagesThroughMoreCompaniesThanFitOnePage()
    {
        var page = await SignedInAsync("en-US");
        var companies = RecordPage.Companies(page);
        await companies.OpenListAsync();
        var info = page.GetByTestId("page-info");
        await Expect(info).ToContainTextAsync(new Regex(@"^1–\d+ of \d+$"));
        var firstPageCount = await companies.Rows.CountAsync();
        var total = int.Parse(Regex.Match(await info.InnerTextAsync(), @"of (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await Expect(page.GetByTestId("page-previous")).ToBeDisabledAsync();
        if (total <= firstPageCount)
        {
            await Expect(page.GetByTestId("page-next")).ToBeDisabledAsync();
            return;
        }

        await page.GetByTestId("page-next").ClickAsync();
        await Expect(info).ToContainTextAsync(new Regex($@"^{firstPageCount + 1}–"));
        await Expect(page.GetByTestId("page-previous")).ToBeEnabledAsync();
        await page.GetByTestId("page-previous").ClickAsync();
        await Expect(info).ToContainTextAsync(new Regex(@"^1–"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en-US", "This field is required.", "Enter a valid e-mail address", "The company was saved.")]
    [InlineData("nl-NL", "Dit veld is verplicht.", "Voer een geldig e-mailadres in", "Het bedrijf is opgeslagen.")]
    public async Task CreateEditAddPersonDelete_FullCompanyFlow(string locale, string requiredText, string emailText, string savedText)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var name = $"Testbedrijf {unique}";
        var badEmail = $"not-an-email-{unique}";
        var page = await SignedInAsync(locale);
        var companies = RecordPage.Companies(page);
        await companies.OpenListAsync();

        // Invalid input: every field says what is wrong, nothing is saved.
        await companies.StartNewAsync();
        await companies.FillAsync("email", badEmail);
        await companies.ClickSaveAsync();
        await Expect(companies.FieldError("name")).ToHaveTextAsync(requiredText);
        await Expect(companies.FieldError("email")).ToContainTextAsync(emailText);
        await Expect(companies.Field("name")).ToHaveClassAsync(new Regex("is-invalid"));
        await Expect(companies.ErrorBanner).ToBeVisibleAsync();
        await Expect(companies.ErrorBanner).Not.ToContainTextAsync(requiredText);
        await Expect(page).ToHaveURLAsync(new Regex("/companies/new$"));
        await Screenshots.TakeAsync(page, $"{locale[..2]}-company-invalid");
        (await CountCompaniesAsync(c => c.Email == badEmail)).ShouldBe(0);

        // Valid input: saved, shown, and in the list.
        await companies.FillAsync("name", name);
        await companies.FillAsync("email", $"info-{unique}@example.com");
        await companies.FillAsync("streetCity", "Harderwijk");
        await companies.SaveNewAsync();
        await Expect(companies.Title).ToHaveTextAsync(name);
        await Expect(companies.FieldError("name")).ToHaveCountAsync(0);
        await Expect(companies.Field("email")).ToHaveValueAsync($"info-{unique}@example.com");
        var id = companies.CurrentId;

        await companies.OpenListAsync();
        await companies.SearchAsync(name.ToUpperInvariant());
        await Expect(companies.Rows).ToHaveCountAsync(1);
        await Expect(companies.Rows).ToContainTextAsync("Harderwijk");

        // Edit and save: the page and the list show the change.
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(companies.Title).ToHaveTextAsync(name);
        await companies.FillAsync("name", name + " Noord");
        await companies.FillAsync("streetCity", "Ermelo");
        await companies.SaveAsync();
        await Expect(companies.Saved).ToHaveTextAsync(savedText);
        await Expect(companies.Title).ToHaveTextAsync(name + " Noord");
        await page.ReloadAsync();
        await Session.WaitInteractiveAsync(page);
        await Expect(companies.Field("streetCity")).ToHaveValueAsync("Ermelo");

        // The Persons tab adds a person to this company.
        await page.GetByTestId("tab-persons").ClickAsync();
        await page.GetByTestId("add-person").ClickAsync();
        var persons = RecordPage.Persons(page);
        await Expect(persons.CompanyPicker).ToHaveValueAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await persons.FillAsync("firstName", "Ilse");
        await persons.FillAsync("lastName", $"Kuiper {unique}");
        await persons.SaveNewAsync();
        await Expect(persons.Title).ToHaveTextAsync($"Ilse Kuiper {unique}");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = name + " Noord" }).ClickAsync();
        await Expect(companies.Title).ToHaveTextAsync(name + " Noord");
        await page.GetByTestId("tab-persons").ClickAsync();
        await Expect(page.GetByTestId("person-row")).ToContainTextAsync($"Ilse Kuiper {unique}");
        await Expect(page.GetByTestId("tab-persons")).ToHaveClassAsync(new Regex(@"\bactive\b"));
        await Expect(page.GetByTestId("tab-details")).Not.ToHaveClassAsync(new Regex(@"\bactive\b"));
        await Screenshots.TakeAsync(page, $"{locale[..2]}-company-persons-tab");

        // Delete asks first, then removes the company and its person.
        await page.GetByTestId("tab-details").ClickAsync();
        await page.GetByTestId("delete").ClickAsync();
        await Expect(page.GetByTestId("delete-confirm")).ToBeVisibleAsync();
        await page.GetByTestId("delete-confirm").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/companies$"));
        await companies.SearchAsync(name);
        await Expect(companies.NoResults).ToBeVisibleAsync();
        (await CountCompaniesAsync(c => c.Id == id)).ShouldBe(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DeleteAnswerNo_KeepsTheCompany()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var page = await SignedInAsync("en-US");
        var companies = RecordPage.Companies(page);
        await companies.OpenListAsync();
        await companies.StartNewAsync();
        await companies.FillAsync("name", $"Blijft {unique}");
        await companies.SaveNewAsync();

        await page.GetByTestId("delete").ClickAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "No", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("delete")).ToBeVisibleAsync();
        (await CountCompaniesAsync(c => c.Name == $"Blijft {unique}")).ShouldBe(1);
        await page.Context.CloseAsync();
    }

    private async Task<Microsoft.Playwright.IPage> SignedInAsync(string locale)
    {
        var page = await app.NewPageAsync(locale);
        await Session.SignInAsync(page, DatabaseInitializer.AdminUserName, BrowserApp.AdminPassword);
        return page;
    }

    private async Task<int> CountCompaniesAsync(System.Linq.Expressions.Expression<Func<Engine.Crm.Company, bool>> predicate)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<ErpSyncDb>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Companies.CountAsync(predicate);
    }
}
