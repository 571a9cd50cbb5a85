using ErpSync.Connectors.Testing;

namespace ErpSync.Connectors.Hosting.Tests;

/// <summary>The demo ERP connector against the conformance kit through the remote protocol.</summary>
public sealed class RemoteDemoErpConformanceTests(RemoteDemoErpConformanceFixture fixture) : ConnectorConformanceTests<RemoteDemoErpConformanceFixture>(fixture);
