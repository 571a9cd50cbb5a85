namespace ErpSync.Connectors.Hosting.Tests;

/// <summary>The OpenAPI document served by every host is the one checked in under docs/.</summary>
public sealed class OpenApiDocumentTests(DemoErpRemote erp) : IClassFixture<DemoErpRemote>
{
    private const string UpdateVariable = "ERPSYNC_UPDATE_OPENAPI";

    [Fact]
    public async Task ServedDocument_EqualsCheckedInCopy_AndListsEveryVerb()
    {
        var served = await erp.Http.GetStringAsync(new Uri(erp.BaseUrl, "openapi/connector-v1.json"), TestContext.Current.CancellationToken);
        var file = Path.Combine(RepositoryRoot(), "docs", "connector-protocol.openapi.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(file, served, TestContext.Current.CancellationToken);
        }

        foreach (var verb in new[] { "info", "config-fields", "test", "connection-saved", "connection-deleted", "actor-types", "fields", "get-actors",
                     "read-changes", "create-actor", "save-actors", "searchable-fields", "search", "search-advanced", "list", "list-items" })
        {
            served.ShouldContain($"\"/v1/{verb}\"");
        }

        served.ShouldBe(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken),
            $"docs/connector-protocol.openapi.json is stale: run the tests once with {UpdateVariable}=1 and commit the file.");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ErpSync.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("ErpSync.slnx not found above " + AppContext.BaseDirectory);
    }
}
