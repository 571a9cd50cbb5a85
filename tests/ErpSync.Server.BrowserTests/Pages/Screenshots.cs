using Microsoft.Playwright;

namespace ErpSync.Server.BrowserTests.Pages;

/// <summary>Saves full-page screenshots for review when ERPSYNC_SCREENSHOTS names a folder; does nothing otherwise.</summary>
public static class Screenshots
{
    public static async Task TakeAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("ERPSYNC_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }
}
