using ErpSync.Connectors;
using ErpSync.Connectors.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErpSync.Connectors.Hosting.Tests;

/// <summary>
/// A connector served through Hosting on a free Kestrel port of 127.0.0.1, the way a connector process runs.
/// Also linked into the server and browser tests, which need a live remote connector to register.
/// </summary>
public sealed class RemoteHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Port, string Path), int> Counts = new();

    private RemoteHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>How many requests reached <c>/v1/&lt;verb&gt;</c> of this host.</summary>
    public int Calls(string verb) => Counts.GetValueOrDefault((BaseUrl.Port, "/v1/" + verb));

    public static async Task<RemoteHost> StartAsync(ISyncConnector connector, string secret, TimeProvider? time = null, INonceStore? nonces = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Use((context, next) =>
        {
            Counts.AddOrUpdate((context.Connection.LocalPort, context.Request.Path.Value ?? ""), 1, (_, n) => n + 1);
            return next(context);
        });
        app.MapSyncConnector(connector, new SyncConnectorHostOptions { Secret = secret, TimeProvider = time, NonceStore = nonces });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RemoteHost(app, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
