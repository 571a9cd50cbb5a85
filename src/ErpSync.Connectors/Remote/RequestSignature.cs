using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ErpSync.Connectors.Remote;

/// <summary>
/// The HMAC-SHA256 request signature of the remote protocol. The string to sign is
/// <c>METHOD + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + hex(SHA-256(body))</c>, where path is the
/// protocol path (<c>/v1/&lt;verb&gt;</c>, without any base path of the host), timestamp is Unix seconds as sent in
/// <see cref="TimestampHeader"/> and nonce is the value of <see cref="NonceHeader"/> (unique per request, so two
/// identical calls in the same second are not mistaken for a replay). The signature header carries <c>v1=</c> + lower-case hex of
/// HMAC-SHA256(key = UTF-8 bytes of the shared secret, message = UTF-8 bytes of the string to sign).
/// </summary>
public static class RequestSignature
{
    /// <summary>Header with the request time in Unix seconds.</summary>
    public const string TimestampHeader = "X-ErpSync-Timestamp";

    /// <summary>Header with a value unique to the request (1 to 64 characters <c>[A-Za-z0-9-_]</c>); a receiver accepts each nonce once.</summary>
    public const string NonceHeader = "X-ErpSync-Nonce";

    /// <summary>Header with <c>v1=</c> and the hex HMAC.</summary>
    public const string SignatureHeader = "X-ErpSync-Signature";

    /// <summary>The scheme prefix of <see cref="SignatureHeader"/>; a later algorithm gets a new prefix.</summary>
    public const string Scheme = "v1=";

    /// <summary>How far a timestamp may lie from the receiver's clock (either way) by default.</summary>
    public static TimeSpan DefaultWindow { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The string that is signed.</summary>
    public static string StringToSign(string method, string path, long timestamp, string nonce, ReadOnlySpan<byte> body) =>
        string.Create(CultureInfo.InvariantCulture, $"{method.ToUpperInvariant()}\n{path}\n{timestamp}\n{nonce}\n{Convert.ToHexStringLower(SHA256.HashData(body))}");

    /// <summary>A fresh random nonce (32 hex characters).</summary>
    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The value of <see cref="SignatureHeader"/> for a request.</summary>
    public static string Compute(string secret, string method, string path, long timestamp, string nonce, ReadOnlySpan<byte> body) =>
        Scheme + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(StringToSign(method, path, timestamp, nonce, body))));

    /// <summary>Checks a received signature in constant time; does not check the timestamp window or replays.</summary>
    public static bool IsValid(string secret, string method, string path, long timestamp, string nonce, ReadOnlySpan<byte> body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Compute(secret, method, path, timestamp, nonce, body)), Encoding.ASCII.GetBytes(signature.Trim()));
}
