using ErpSync.Connectors.Testing;

namespace ErpSync.Connectors.Tryton.Tests;

/// <summary>The Tryton connector against the conformance kit, live, on its own trytond and database copy.</summary>
public sealed class TrytonConformanceTests(TrytonConformanceFixture fixture) : ConnectorConformanceTests<TrytonConformanceFixture>(fixture);
