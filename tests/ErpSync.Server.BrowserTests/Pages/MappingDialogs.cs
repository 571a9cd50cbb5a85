using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ErpSync.Server.BrowserTests.Pages;

/// <summary>The Mappings, List mapping, Defaults, Rank fields and Set sync priority dialogs of the Synchronize tab.</summary>
public sealed class MappingDialogs(IPage page)
{
    public ILocator Mappings => page.GetByTestId("mappings-dialog");
    public ILocator ListMapping => page.GetByTestId("list-mapping-dialog");
    public ILocator Defaults => page.GetByTestId("defaults-dialog");
    public ILocator DefaultEditor => page.GetByTestId("default-editor");
    public ILocator Rank => page.GetByTestId("rank-dialog");
    public ILocator Priority => page.GetByTestId("priority-dialog");
    public ILocator Summary => page.GetByTestId("connection-summary");

    public async Task OpenAsync(string button, ILocator dialog)
    {
        await page.GetByTestId(button).ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
    }

    public ILocator MappingRow(string fieldKey) => Mappings.Locator($"[data-testid=mapping-row][data-field='{fieldKey}']");

    public async Task MapAsync(string fieldKey, string? crmField, string direction)
    {
        var row = MappingRow(fieldKey);
        if (crmField is not null)
        {
            await row.GetByTestId("crm-field").SelectOptionAsync(crmField);
        }

        await row.GetByTestId("direction").SelectOptionAsync(direction);
    }

    public async Task MappingTabAsync(string actorType) => await Mappings.GetByTestId($"mapping-tab-{actorType}").ClickAsync();

    public ILocator ListItem(string erpKey) => ListMapping.Locator($"[data-testid=list-item][data-key='{erpKey}']");

    public ILocator RankItem(string fieldKey) => Rank.Locator($"[data-testid=rank-item][data-field='{fieldKey}']");
}
