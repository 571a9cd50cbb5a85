namespace ErpSync.Connectors.Tryton;

/// <summary>A connection's configuration, parsed once per call from the <see cref="ConnectorContext"/>.</summary>
internal sealed record TrytonSettings(
    Uri DatabaseUrl,
    Uri RootUrl,
    string Database,
    string User,
    string Password,
    long? Company,
    long? CustomerCategory,
    long? SupplierCategory,
    long? PersonRelation,
    TimeSpan Timeout,
    TimeSpan Overlap)
{
    /// <summary>Identifies a login: sessions and failed logins are remembered per server, database, user and password.</summary>
    public string LoginKey => $"{RootUrl}|{Database}|{User}|{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Password)))}";
}
