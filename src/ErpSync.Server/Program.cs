using ErpSync.Server.Hosting;
using ErpSync.Server.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddErpSyncEngine();
builder.AddErpSyncSecurity();
builder.AddErpSyncWeb();
builder.AddErpSyncScheduling();

var app = builder.Build();

await app.InitializeDatabaseAsync();

app.UseErpSyncWeb();
app.MapAccountApi();
app.MapConnectorsApi();
app.MapConnectionsApi();
app.MapMappingApi();
app.MapSchedulingApi();
app.MapResyncApi();
app.MapSyncMonitorApi();
app.MapCompaniesApi();
app.MapPersonsApi();
app.MapProjectsApi();
app.MapListsApi();
app.MapUsersApi();
app.MapProfileApi();
app.MapErpTabApi();
app.MapImportApi();
app.MapErpSyncPages();

app.Run();

/// <summary>Public so that WebApplicationFactory can host the server in tests.</summary>
public partial class Program;
