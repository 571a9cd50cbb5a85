using System.Security.Cryptography;
using System.Text;

namespace ErpSync.Engine.Accounts;

/// <summary>Creates API tokens and hashes them. Tokens are 256 random bits, so a plain SHA-256 is enough (no salt or stretching needed).</summary>
public static class ApiTokenHasher
{
    public const string TokenPrefix = "esk_";

    public static string NewToken() =>
        TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
