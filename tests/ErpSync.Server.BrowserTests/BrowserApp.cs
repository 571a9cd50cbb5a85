using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace ErpSync.Server.BrowserTests;

/// <summary>
/// One server (own temp data folder, SQLite, demo CRM data) on a real socket, and one Chromium, shared by
/// the tests of a collection.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string AdminPassword = "Admin-Pass-2026";
    private readonly Factory _factory;
    private IPlaywright? _playwright;

    public BrowserApp()
    {
        DataDirectory = Directory.CreateTempSubdirectory("erpsync-browser-").FullName;
        _factory = new Factory(DataDirectory);
    }

    public string DataDirectory { get; }

    public Uri BaseUrl { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public IServiceProvider Services => _factory.Services;

    public async ValueTask InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseUrl = _factory.ClientOptions.BaseAddress;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // Without the background-networking flags Chromium keeps calling out of this closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser session (no cookies) whose Accept-Language is <paramref name="locale"/>.</summary>
    public async Task<IPage> NewPageAsync(string locale)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, BaseURL = BaseUrl.ToString() });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold a file for a moment; the temp folder is cleaned by the OS eventually.
        }
    }

    private sealed class Factory(string dataDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ErpSync:DataDirectory", dataDirectory);
            builder.UseSetting("ErpSync:AdminPassword", AdminPassword);
            builder.UseSetting("ErpSync:SeedDemoData", "true");

            // Open pages notice a demoted user within seconds instead of the production 30 s.
            builder.UseSetting("ErpSync:CircuitRevalidationSeconds", "2");
        }
    }
}

[CollectionDefinition(nameof(BrowserCollection))]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>;
