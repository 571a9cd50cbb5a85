using System.Text.RegularExpressions;
using ErpSync.Engine.Data;
using ErpSync.Server.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ErpSync.Server.BrowserTests;

/// <summary>Persons and projects: create, edit with the company picker, search, delete.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class PersonProjectTests(BrowserApp app)
{
    [Theory]
    [InlineData("en-US", "The person was saved.", "This field is required.")]
    [InlineData("nl-NL", "De persoon is opgeslagen.", "Dit veld is verplicht.")]
    public async Task Person_CreateEditSearchDelete(string locale, string savedText, string requiredText)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var lastName = $"Verbeek {unique}";
        var page = await app.NewPageAsync(locale);
        await Session.SignInAsync(page, DatabaseInitializer.AdminUserName, BrowserApp.AdminPassword);
        var persons = RecordPage.Persons(page);
        await persons.OpenListAsync();

        await persons.StartNewAsync();
        await persons.FillAsync("firstName", "Marit");
        await persons.ClickSaveAsync();
        await Expect(persons.FieldError("lastName")).ToHaveTextAsync(requiredText);
        await Expect(persons.FieldError("companyId")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, $"{locale[..2]}-person-invalid");

        await persons.ChooseCompanyAsync("noordzee", "Noordzee Logistiek B.V.");
        await persons.FillAsync("lastName", lastName);
        await persons.FillAsync("email", $"marit-{unique}@example.com");
        await persons.SaveNewAsync();
        await Expect(persons.Title).ToHaveTextAsync($"Marit {lastName}");
        await Expect(page.Locator(".breadcrumb")).ToContainTextAsync("Noordzee Logistiek B.V.");

        // Edit: another company through the picker's filter.
        await persons.ChooseCompanyAsync("HANSEN", "Hansen & Co ApS");
        await persons.FillAsync("position", "Inkoper");
        await page.GetByTestId("field-privacyBasis").SelectOptionAsync("Consent");
        await persons.FillAsync("privacySource", "Beurs 2026");
        await persons.SaveAsync();
        await Expect(persons.Saved).ToHaveTextAsync(savedText);
        await Expect(page.GetByTestId("privacy-recorded")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("field-privacyBasis")).ToHaveValueAsync("Consent");
        await Expect(page.Locator(".breadcrumb")).ToContainTextAsync("Hansen & Co ApS");
        await Screenshots.TakeAsync(page, $"{locale[..2]}-person-saved");

        await persons.OpenListAsync();
        await persons.SearchAsync(lastName.ToLowerInvariant());
        await Expect(persons.Rows).ToHaveCountAsync(1);
        await Expect(persons.Rows).ToContainTextAsync("Hansen & Co ApS");
        await Expect(persons.Rows).ToContainTextAsync("Inkoper");

        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = $"Marit {lastName}" }).ClickAsync();
        await Expect(persons.Title).ToHaveTextAsync($"Marit {lastName}");
        await persons.DeleteAsync();
        await Expect(RecordPage.Companies(page).Title).ToHaveTextAsync("Hansen & Co ApS");
        await persons.OpenListAsync();
        await persons.SearchAsync(lastName);
        await Expect(persons.NoResults).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en-US", "The project was saved.")]
    [InlineData("nl-NL", "Het project is opgeslagen.")]
    public async Task Project_CreateEditSearchDelete(string locale, string savedText)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var name = $"Nieuwbouw {unique}";
        var page = await app.NewPageAsync(locale);
        await Session.SignInAsync(page, DatabaseInitializer.AdminUserName, BrowserApp.AdminPassword);
        var projects = RecordPage.Projects(page);
        await projects.OpenListAsync();

        await projects.StartNewAsync();
        await projects.FillAsync("name", name);
        await projects.FillAsync("number", $"P-{unique}");
        await projects.Field("endDate").FillAsync("2030-06-30");
        await projects.ChooseCompanyAsync("anker", "Brouwerij Het Anker");
        await projects.SaveNewAsync();
        await Expect(projects.Title).ToHaveTextAsync(name);
        await Expect(page.Locator(".breadcrumb")).ToContainTextAsync("Brouwerij Het Anker");
        await Expect(projects.Field("endDate")).ToHaveValueAsync("2030-06-30");

        await projects.ChooseCompanyAsync("vélo", "Fietsenfabriek Vélo Batave");
        await projects.FillAsync("name", name + " fase 2");
        await projects.SaveAsync();
        await Expect(projects.Saved).ToHaveTextAsync(savedText);
        await Expect(projects.Title).ToHaveTextAsync(name + " fase 2");
        await Expect(page.Locator(".breadcrumb")).ToContainTextAsync("Fietsenfabriek Vélo Batave");

        await projects.OpenListAsync();
        await projects.SearchAsync($"p-{unique}".ToUpperInvariant());
        await Expect(projects.Rows).ToHaveCountAsync(1);
        await Expect(projects.Rows).ToContainTextAsync("Fietsenfabriek Vélo Batave");

        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = name + " fase 2" }).ClickAsync();
        await Expect(projects.Title).ToHaveTextAsync(name + " fase 2");
        await projects.DeleteAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/projects$"));
        await projects.SearchAsync(name);
        await Expect(projects.NoResults).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
