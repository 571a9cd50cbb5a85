using ErpSync.Connectors.Testing;

namespace ErpSync.Connectors.Hosting.Tests;

/// <summary>The Tryton connector against the conformance kit, live, through the remote protocol.</summary>
public sealed class RemoteTrytonConformanceTests(RemoteTrytonConformanceFixture fixture) : ConnectorConformanceTests<RemoteTrytonConformanceFixture>(fixture);
