namespace ErpSync.Connectors;

/// <summary>What every connector call knows about the connection it serves.</summary>
/// <param name="ConnectionId">
/// The connection's public id. <see cref="Guid.Empty"/> while an administrator is still defining it.
/// </param>
/// <param name="Configuration">The connection's configuration values, secrets decrypted, keyed by field key.</param>
/// <param name="Culture">
/// The culture of the user the call is made for (for example <c>nl-NL</c>): connectors write
/// <see cref="ConnectorError.Message"/> and display names in it when they can, else in English.
/// </param>
public sealed record ConnectorContext(Guid ConnectionId, ConfigValues Configuration, string Culture = "en")
{
    /// <summary>A context with no connection and no configuration, for <see cref="ISyncConnector.GetConfigFieldsAsync"/>.</summary>
    public static ConnectorContext Empty(string culture = "en") => new(Guid.Empty, ConfigValues.Empty, culture);

    /// <summary>True when <see cref="Culture"/> is Dutch.</summary>
    public bool IsDutch => Culture.StartsWith("nl", StringComparison.OrdinalIgnoreCase);
}
