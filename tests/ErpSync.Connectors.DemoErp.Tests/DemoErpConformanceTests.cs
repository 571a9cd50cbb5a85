using ErpSync.Connectors.Testing;

namespace ErpSync.Connectors.DemoErp.Tests;

/// <summary>The demo ERP connector against the conformance kit, on a database file of its own.</summary>
public sealed class DemoErpConformanceTests(DemoErpConformanceFixture fixture) : ConnectorConformanceTests<DemoErpConformanceFixture>(fixture);
