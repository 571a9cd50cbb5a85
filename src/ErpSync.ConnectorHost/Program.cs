using ErpSync.ConnectorHost;
using ErpSync.Connectors.Hosting;

var builder = WebApplication.CreateSlimBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls(ConnectorHostOptions.DefaultUrls);
}

var options = ConnectorHostOptions.From(builder.Configuration);
var app = builder.Build();

var connector = HostedConnectors.ByName[options.Connector](TimeProvider.System);
app.MapSyncConnector(connector, new SyncConnectorHostOptions { Secret = options.Secret });
app.Logger.LogInformation("Serving {Connector} {Version} over the ErpSync remote connector protocol", connector.Info.DisplayName, connector.Info.Version);

app.Run();
