using ErpSync.Connectors.DemoErp.Tests;

namespace ErpSync.Connectors.Hosting.Tests;

/// <summary>The demo ERP's conformance fixture, served by Hosting and reached through a signed RemoteConnector.</summary>
public sealed class RemoteDemoErpConformanceFixture() : RemoteConformanceFixture(new DemoErpConformanceFixture());
