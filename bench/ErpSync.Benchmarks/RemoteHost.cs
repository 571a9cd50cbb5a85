using ErpSync.Connectors;
using ErpSync.Connectors.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErpSync.Benchmarks;

/// <summary>A connector served by ErpSync.Connectors.Hosting on a free Kestrel port of 127.0.0.1, as a connector process runs it.</summary>
internal sealed class RemoteHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RemoteHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<RemoteHost> StartAsync(ISyncConnector connector, string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapSyncConnector(connector, new SyncConnectorHostOptions { Secret = secret });
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
