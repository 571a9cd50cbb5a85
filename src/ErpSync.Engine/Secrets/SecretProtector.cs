using Microsoft.AspNetCore.DataProtection;

namespace ErpSync.Engine.Secrets;

/// <summary>
/// Encrypts connection secrets with the Data Protection key ring kept in the database, so every node
/// that shares the database (and the application name) can read them.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("ErpSync.ConnectionSecrets.v1");

    public string Protect(string plain) => _protector.Protect(plain);

    public string Unprotect(string protectedValue) => _protector.Unprotect(protectedValue);
}
