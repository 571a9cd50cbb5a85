using ErpSync.Connectors.Hosting;
using HelloConnector;

// dotnet run --project samples/HelloConnector --urls http://127.0.0.1:5191 -- --secret <s>
var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapSyncConnector(new HelloErpConnector(), new SyncConnectorHostOptions
{
    Secret = builder.Configuration["secret"] ?? throw new InvalidOperationException("Pass --secret <s>."),
});
app.Run();
