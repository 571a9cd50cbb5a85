using ErpSync.Connectors.Tryton.Tests;

namespace ErpSync.Connectors.Hosting.Tests;

/// <summary>A live Tryton (its own trytond and database copy) behind the Tryton connector, served by Hosting and reached through a signed RemoteConnector.</summary>
public sealed class RemoteTrytonConformanceFixture() : RemoteConformanceFixture(new TrytonConformanceFixture());
