namespace ErpSync.Connectors.DemoErp;

/// <summary>A logged-in connection to one administration of a demo ERP file, valid for one connector call.</summary>
internal sealed record DemoErpSession(DemoErpDatabase Database, string Administration, string AdministrationName, bool Dutch);
