using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ErpSync.Server.BrowserTests.Pages;

/// <summary>
/// A CRM list (companies, persons, projects: search, rows, "New" button) and its record page
/// (form fields, Save, tabs, Delete with confirmation). <paramref name="path"/> is "companies", "persons" or "projects".
/// </summary>
public sealed partial class RecordPage(IPage page, string path, string rowTestId, string newTestId)
{
    public static RecordPage Companies(IPage page) => new(page, "companies", "company-row", "new-company");
    public static RecordPage Persons(IPage page) => new(page, "persons", "person-row", "new-person");
    public static RecordPage Projects(IPage page) => new(page, "projects", "project-row", "new-project");

    public ILocator Title => page.GetByTestId("record-title");
    public ILocator Saved => page.GetByTestId("saved");
    public ILocator ErrorBanner => page.GetByTestId("error-banner");
    public ILocator Rows => page.GetByTestId(rowTestId);
    public ILocator NoResults => page.GetByTestId("no-results");
    public ILocator Search => page.GetByTestId("search");
    public ILocator CompanyPicker => page.GetByTestId("company-picker");

    public ILocator Field(string name) => page.GetByTestId("field-" + name);
    public ILocator FieldError(string name) => page.GetByTestId("field-error-" + name);
    public ILocator Row(string text) => Rows.Filter(new LocatorFilterOptions { HasText = text });

    public Task OpenListAsync() => Session.GotoInteractiveAsync(page, path);

    public async Task SearchAsync(string text)
    {
        await Search.FillAsync(text);
        await Expect(Search).ToHaveValueAsync(text);
    }

    public async Task StartNewAsync()
    {
        await page.GetByTestId(newTestId).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/{path}/new"));
        await Expect(page.GetByTestId("save")).ToBeVisibleAsync();
    }

    public Task FillAsync(string field, string value) => Field(field).FillAsync(value);

    public async Task SaveNewAsync()
    {
        await page.GetByTestId("save").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/{path}/\\d+$"));
    }

    public async Task SaveAsync()
    {
        await page.GetByTestId("save").ClickAsync();
        await Expect(Saved).ToBeVisibleAsync();
    }

    public Task ClickSaveAsync() => page.GetByTestId("save").ClickAsync();

    /// <summary>The id of the record whose page is shown.</summary>
    public int CurrentId => int.Parse(IdPattern().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Narrows the company picker with its filter box and chooses the company.</summary>
    public async Task ChooseCompanyAsync(string filter, string companyName)
    {
        await page.GetByTestId("company-filter").FillAsync(filter);
        var option = CompanyPicker.Locator("option", new LocatorLocatorOptions { HasText = companyName });
        await Expect(option).ToHaveCountAsync(1);
        await CompanyPicker.SelectOptionAsync(new SelectOptionValue { Label = companyName });
    }

    public async Task DeleteAsync()
    {
        await page.GetByTestId("delete").ClickAsync();
        await page.GetByTestId("delete-confirm").ClickAsync();
    }

    [GeneratedRegex(@"/(\d+)(?:[?#].*)?$")]
    private static partial Regex IdPattern();
}
