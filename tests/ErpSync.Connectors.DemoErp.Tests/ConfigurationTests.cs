using ErpSync.Connectors.DemoErp;

namespace ErpSync.Connectors.DemoErp.Tests;

public sealed class ConfigurationTests : IDisposable
{
    private readonly DemoErpSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Info_NamesAndCapabilities()
    {
        var info = _sandbox.Connector.Info;

        info.Name.ShouldBe("ErpSync.DemoErp");
        info.DisplayName.ShouldBe("Demo ERP");
        info.Capabilities.ShouldBe(ConnectorCapabilities.Search | ConnectorCapabilities.Lists | ConnectorCapabilities.IdempotentCreate
            | ConnectorCapabilities.Tombstones | ConnectorCapabilities.OptimisticConcurrency | ConnectorCapabilities.DeleteLog);
    }

    [Fact]
    public async Task ConfigFields_KeysTypesDefaultsAndAccess()
    {
        var fields = await _sandbox.Connector.GetConfigFieldsAsync(ConnectorContext.Empty(), DemoErpSandbox.Ct);

        fields.Select(f => (f.Key, f.Type, f.IsMandatory)).ShouldBe(
        [
            ("Intro", FieldType.Label, false),
            ("DatabaseFile", FieldType.Text, true),
            ("Administration", FieldType.List, true),
            ("UserName", FieldType.Text, true),
            ("Password", FieldType.Password, true),
            ("LatencyMs", FieldType.Integer, false),
        ]);
        fields[0].Rank.ShouldBe(0);
        fields.Single(f => f.Key == "DatabaseFile").DefaultValue.ShouldBe(FieldValue.Text("data/demo-erp.db"));
        fields.Single(f => f.Key == "Administration").ListName.ShouldBe("administrations");
        fields.Single(f => f.Key == "Administration").DefaultValue.ShouldBe(FieldValue.List("NL01"));
        fields.Single(f => f.Key == "LatencyMs").DefaultValue.ShouldBe(FieldValue.Integer(0));
        fields.Where(f => f.Type != FieldType.Label).ShouldAllBe(f => !string.IsNullOrEmpty(f.Tooltip));
    }

    [Fact]
    public async Task ConfigFields_Dutch_TranslatedNames()
    {
        var fields = await _sandbox.Connector.GetConfigFieldsAsync(ConnectorContext.Empty("nl-NL"), DemoErpSandbox.Ct);

        fields.Single(f => f.Key == "Password").DisplayName.ShouldBe("Wachtwoord");
    }

    [Fact]
    public async Task Test_RightCredentials_OkWithCounts()
    {
        var result = await _sandbox.Connector.TestConfigurationAsync(_sandbox.Context(), DemoErpSandbox.Ct);

        result.IsOk.ShouldBeTrue(result.Message);
        result.Message.ShouldStartWith("Connected to Demo ERP, administration NL01 – Demo Handel B.V. (Utrecht): 40 customers, 15 suppliers");
        result.Checks.ShouldAllBe(c => c.IsOk);
        result.Checks.Count.ShouldBe(4);
        File.Exists(_sandbox.FilePath).ShouldBeTrue();
    }

    [Fact]
    public async Task Test_WrongPassword_AuthenticationFailed()
    {
        var result = await _sandbox.Connector.TestConfigurationAsync(_sandbox.Context(password: "guess"), DemoErpSandbox.Ct);

        result.IsOk.ShouldBeFalse();
        result.ErrorCode.ShouldBe(ErrorCode.AuthenticationFailed);
        result.Message.ShouldBe("The demo ERP refused user name or password.");
        result.Checks[^1].IsOk.ShouldBeFalse();
    }

    [Fact]
    public async Task Test_WrongPasswordInDutch_DutchMessage()
    {
        var result = await _sandbox.Connector.TestConfigurationAsync(_sandbox.Context(password: "guess", culture: "nl-NL"), DemoErpSandbox.Ct);

        result.Message.ShouldBe("Het demo-ERP weigert de gebruikersnaam of het wachtwoord.");
    }

    [Fact]
    public async Task Test_UnknownAdministration_InvalidConfigurationNamingIt()
    {
        var result = await _sandbox.Connector.TestConfigurationAsync(_sandbox.Context(administration: "XX99"), DemoErpSandbox.Ct);

        result.ErrorCode.ShouldBe(ErrorCode.InvalidConfiguration);
        result.Message.ShouldContain("XX99");
    }

    [Fact]
    public async Task Test_MissingMandatoryFields_InvalidConfiguration()
    {
        var context = new ConnectorContext(Guid.Empty, new ConfigValues([new("DatabaseFile", FieldValue.Text(_sandbox.FilePath))]));

        var result = await _sandbox.Connector.TestConfigurationAsync(context, DemoErpSandbox.Ct);

        result.ErrorCode.ShouldBe(ErrorCode.InvalidConfiguration);
        result.Message.ShouldContain("User name");
        result.Message.ShouldContain("Password");
    }

    [Fact]
    public async Task Test_FolderCannotBeCreated_InvalidConfiguration()
    {
        var missing = Path.Combine(_sandbox.Folder, "no", "such", "folder", "erp.db");

        var result = await _sandbox.Connector.TestConfigurationAsync(_sandbox.Context(file: missing), DemoErpSandbox.Ct);

        result.ErrorCode.ShouldBe(ErrorCode.InvalidConfiguration);
        result.Message.ShouldContain("does not exist");
    }

    [Fact]
    public async Task Test_RelativePathInMissingFolder_CreatesFolderAndFile()
    {
        var folder = "erpsync-demoerp-" + Guid.NewGuid().ToString("N");
        try
        {
            var result = await _sandbox.Connector.TestConfigurationAsync(_sandbox.Context(file: Path.Combine(folder, "sub", "demo.db")), DemoErpSandbox.Ct);

            result.IsOk.ShouldBeTrue(result.Message);
            File.Exists(Path.Combine(folder, "sub", "demo.db")).ShouldBeTrue();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Test_FileIsNoDatabase_InvalidConfiguration()
    {
        await File.WriteAllTextAsync(_sandbox.FilePath, "this is not a database, just some text that is long enough to be a header.", DemoErpSandbox.Ct);

        var result = await _sandbox.Connector.TestConfigurationAsync(_sandbox.Context(), DemoErpSandbox.Ct);

        result.ErrorCode.ShouldBe(ErrorCode.InvalidConfiguration);
    }

    [Fact]
    public async Task DataCall_WrongPassword_AuthenticationFailed()
    {
        var result = await _sandbox.Connector.ReadChangesAsync(_sandbox.Context(password: "nope"), new ReadChangesRequest(ActorType.Customer, null, []), DemoErpSandbox.Ct);

        result.IsOk.ShouldBeFalse();
        result.Error.Code.ShouldBe(ErrorCode.AuthenticationFailed);
    }

    [Fact]
    public async Task DataCall_WithLatency_WaitsForTheClock()
    {
        var context = _sandbox.Context();
        context = context with { Configuration = context.Configuration.With("LatencyMs", FieldValue.Integer(250)) };
        await _sandbox.DatabaseAsync();

        var call = _sandbox.Connector.GetActorTypesAsync(context, DemoErpSandbox.Ct).AsTask();
        await Task.Delay(50, DemoErpSandbox.Ct);
        call.IsCompleted.ShouldBeFalse();
        for (var i = 0; i < 100 && !call.IsCompleted; i++)
        {
            _sandbox.Time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(10, DemoErpSandbox.Ct);
        }

        (await call).IsOk.ShouldBeTrue();
    }
}
