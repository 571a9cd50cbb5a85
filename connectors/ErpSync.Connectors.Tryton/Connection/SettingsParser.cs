namespace ErpSync.Connectors.Tryton;

/// <summary>Reads <see cref="TrytonSettings"/> from configuration values; reports what is missing or malformed.</summary>
internal static class SettingsParser
{
    public static ConnectorResult<TrytonSettings> Parse(ConfigValues config, bool needCompany = true, bool dutch = false)
    {
        var url = config.GetText(ConfigKeys.ServerUrl)?.Trim();
        var database = config.GetText(ConfigKeys.Database)?.Trim();
        var user = config.GetText(ConfigKeys.UserName)?.Trim();
        var password = config.GetText(ConfigKeys.Password);
        if (string.IsNullOrEmpty(url) || string.IsNullOrEmpty(database) || string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password))
        {
            return Invalid(Texts.T(dutch, "Fill in the server URL, database, user name and password.", "Vul de server-URL, database, gebruikersnaam en wachtwoord in."));
        }

        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var root) || root.Scheme is not ("http" or "https"))
        {
            return Invalid(Texts.T(dutch, $"'{url}' is not an http(s) URL.", $"'{url}' is geen http(s)-URL."));
        }

        var company = ListId(config, ConfigKeys.Company);
        if (needCompany && company is null)
        {
            return Invalid(Texts.T(dutch, "Choose the Tryton company this connection syncs with.", "Kies het Tryton-bedrijf waarmee deze verbinding synchroniseert."));
        }

        var timeout = config.GetInteger(ConfigKeys.TimeoutSeconds) is > 0 and var t ? t : ConfigKeys.DefaultTimeoutSeconds;
        var overlap = config.GetInteger(ConfigKeys.OverlapMinutes) is >= 0 and var o ? o : ConfigKeys.DefaultOverlapMinutes;
        return new TrytonSettings(new Uri(root, Uri.EscapeDataString(database) + "/"), root, database, user, password, company,
            ListId(config, ConfigKeys.CustomerCategory), ListId(config, ConfigKeys.SupplierCategory), ListId(config, ConfigKeys.PersonRelation),
            TimeSpan.FromSeconds(timeout), TimeSpan.FromMinutes(overlap));
    }

    private static long? ListId(ConfigValues config, string key) => config.GetText(key) is { } text ? TrytonJson.ParseKey(text) : null;

    private static ConnectorResult<TrytonSettings> Invalid(string message) => ConnectorResults.Fail<TrytonSettings>(ErrorCode.InvalidConfiguration, message);
}
