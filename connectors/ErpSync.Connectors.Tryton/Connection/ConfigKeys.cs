namespace ErpSync.Connectors.Tryton;

/// <summary>The keys of a Tryton connection's configuration and of the lists the connector serves.</summary>
internal static class ConfigKeys
{
    public const string Intro = "Intro";
    public const string ServerUrl = "ServerUrl";
    public const string Database = "Database";
    public const string UserName = "UserName";
    public const string Password = "Password";
    public const string Company = "Company";
    public const string CustomerCategory = "CustomerCategory";
    public const string SupplierCategory = "SupplierCategory";
    public const string PersonRelation = "PersonRelation";
    public const string TimeoutSeconds = "TimeoutSeconds";
    public const string OverlapMinutes = "OverlapMinutes";
    public const int DefaultTimeoutSeconds = 30;
    public const int DefaultOverlapMinutes = 5;
}
