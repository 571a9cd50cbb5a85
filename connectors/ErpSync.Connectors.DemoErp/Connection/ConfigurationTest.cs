namespace ErpSync.Connectors.DemoErp;

/// <summary>The configuration test: one check per step, stopping at the first failure.</summary>
internal static class ConfigurationTest
{
    public static async Task<TestResult> RunAsync(ConnectorContext context, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var checks = new List<TestCheck>();
        var configName = context.T("Configuration complete", "Configuratie volledig");
        if (SessionOpener.ConfigurationProblem(context) is { } problem)
        {
            checks.Add(new TestCheck(configName, false, problem));
            return TestResult.Failure(ErrorCode.InvalidConfiguration, problem, [.. checks]);
        }

        checks.Add(new TestCheck(configName, true));
        var databaseName = context.T("Database file", "Databasebestand");
        var opened = await SessionOpener.OpenDatabaseAsync(context, timeProvider, cancellationToken);
        if (!opened.IsOk)
        {
            checks.Add(new TestCheck(databaseName, false, opened.Error.Message));
            return TestResult.Failure(opened.Error.Code, opened.Error.Message, [.. checks]);
        }

        var database = opened.Value;
        checks.Add(new TestCheck(databaseName, true, database.FilePath));
        var loginName = context.T("Login", "Aanmelden");
        if (!await SessionOpener.LoginAsync(database, context, cancellationToken))
        {
            var refused = SessionOpener.LoginRefused(context);
            checks.Add(new TestCheck(loginName, false, refused));
            return TestResult.Failure(ErrorCode.AuthenticationFailed, refused, [.. checks]);
        }

        checks.Add(new TestCheck(loginName, true));
        var adminName = context.T("Administration", "Administratie");
        var code = context.Configuration.GetText(ConfigFields.Administration)!;
        var name = await SessionOpener.AdministrationNameAsync(database, code, cancellationToken);
        if (name is null)
        {
            var unknown = SessionOpener.UnknownAdministration(context, code);
            checks.Add(new TestCheck(adminName, false, unknown));
            return TestResult.Failure(ErrorCode.InvalidConfiguration, unknown, [.. checks]);
        }

        checks.Add(new TestCheck(adminName, true, $"{code} – {name}"));
        var counts = new Dictionary<ActorType, int>();
        foreach (var type in ActorSchema.Types)
        {
            counts[type] = await database.CountAsync(code, type, cancellationToken);
        }

        var message = context.T(
            $"Connected to Demo ERP, administration {code} – {name}: {counts[ActorType.Customer]} customers, {counts[ActorType.Supplier]} suppliers, "
                + $"{counts[ActorType.Partner]} partners, {counts[ActorType.Person]} contact persons, {counts[ActorType.Project]} projects.",
            $"Verbonden met Demo ERP, administratie {code} – {name}: {counts[ActorType.Customer]} debiteuren, {counts[ActorType.Supplier]} crediteuren, "
                + $"{counts[ActorType.Partner]} partners, {counts[ActorType.Person]} contactpersonen, {counts[ActorType.Project]} projecten.");
        return TestResult.Success(message, [.. checks]);
    }
}
