namespace ErpSync.Connectors.DemoErp;

/// <summary>
/// Turns a connector context into a logged-in session: checks the configuration, opens (or creates) the
/// file, adds the configured latency, and checks user, password and administration on every call.
/// </summary>
internal static class SessionOpener
{
    public static async Task<ConnectorResult<DemoErpSession>> OpenAsync(ConnectorContext context, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (ConfigurationProblem(context) is { } problem)
        {
            return ConnectorResults.Fail<DemoErpSession>(ErrorCode.InvalidConfiguration, problem);
        }

        var opened = await OpenDatabaseAsync(context, timeProvider, cancellationToken);
        if (!opened.IsOk)
        {
            return opened.Error;
        }

        var database = opened.Value;
        if (!await LoginAsync(database, context, cancellationToken))
        {
            return ConnectorResults.Fail<DemoErpSession>(ErrorCode.AuthenticationFailed, LoginRefused(context));
        }

        var code = context.Configuration.GetText(ConfigFields.Administration)!;
        var name = await AdministrationNameAsync(database, code, cancellationToken);
        return name is null
            ? ConnectorResults.Fail<DemoErpSession>(ErrorCode.InvalidConfiguration, UnknownAdministration(context, code))
            : new DemoErpSession(database, code, name, context.IsDutch);
    }

    /// <summary>Opens the database with only the file setting, as the configuration dialog needs for the administrations list.</summary>
    public static async Task<ConnectorResult<DemoErpDatabase>> OpenDatabaseAsync(ConnectorContext context, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var file = context.Configuration.GetText(ConfigFields.DatabaseFile);
        if (string.IsNullOrWhiteSpace(file))
        {
            return ConnectorResults.Fail<DemoErpDatabase>(ErrorCode.InvalidConfiguration, context.T("The database file is not set.", "Het databasebestand is niet ingevuld."));
        }

        var (database, problem) = await DemoErpDatabase.TryOpenAsync(file.Trim(), timeProvider, context.IsDutch, cancellationToken);
        if (database is null)
        {
            return ConnectorResults.Fail<DemoErpDatabase>(ErrorCode.InvalidConfiguration, problem!);
        }

        var latency = context.Configuration.GetInteger(ConfigFields.LatencyMs) ?? 0;
        if (latency > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(latency), timeProvider, cancellationToken);
        }

        return database;
    }

    /// <summary>The mandatory-field and type problems of the configuration as one message, or null when it is complete.</summary>
    public static string? ConfigurationProblem(ConnectorContext context)
    {
        var fields = ConfigFields.For(context.IsDutch);
        var problems = ConfigurationValidator.Validate(fields, context.Configuration);
        if (problems.Count == 0)
        {
            return null;
        }

        var names = problems.Select(p => fields.First(f => f.Key == p.FieldKey).DisplayName + p.Kind switch
        {
            ConfigProblemKind.Missing => context.T(" (missing)", " (ontbreekt)"),
            ConfigProblemKind.TooLong => context.T($" (longer than {p.MaxLength})", $" (langer dan {p.MaxLength})"),
            _ => context.T(" (wrong type)", " (verkeerd type)"),
        });
        return context.T("The configuration is incomplete: ", "De configuratie is onvolledig: ") + string.Join(", ", names) + ".";
    }

    public static async Task<bool> LoginAsync(DemoErpDatabase database, ConnectorContext context, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        return await ErpDirectory.VerifyUserAsync(
            connection,
            context.Configuration.GetText(ConfigFields.UserName)?.Trim() ?? "",
            context.Configuration.GetText(ConfigFields.Password) ?? "",
            cancellationToken);
    }

    public static async Task<string?> AdministrationNameAsync(DemoErpDatabase database, string code, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var command = ActorWriter.Command(connection, null, "SELECT name FROM administrations WHERE code = @code");
        command.Parameters.AddWithValue("@code", code);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public static string LoginRefused(ConnectorContext context) =>
        context.T("The demo ERP refused user name or password.", "Het demo-ERP weigert de gebruikersnaam of het wachtwoord.");

    public static string UnknownAdministration(ConnectorContext context, string code) =>
        context.T($"The demo ERP has no administration '{code}'.", $"Het demo-ERP heeft geen administratie '{code}'.");
}
