using System.Globalization;
using ErpSync.Connectors.Remote;
using Microsoft.AspNetCore.Http;

namespace ErpSync.Connectors.Hosting;

/// <summary>Checks signature, timestamp window and replay of one request; null when the request may pass.</summary>
internal sealed class SignatureCheck(SyncConnectorHostOptions options)
{
    private readonly TimeProvider _time = options.TimeProvider ?? TimeProvider.System;
    private readonly INonceStore _nonces = options.NonceStore ?? new ReplayGuard(options.TimeProvider ?? TimeProvider.System);

    public async ValueTask<string?> RefusalAsync(HttpRequest request, string path, byte[] body)
    {
        var signature = request.Headers[RequestSignature.SignatureHeader].ToString();
        var nonce = request.Headers[RequestSignature.NonceHeader].ToString();
        if (signature.Length == 0 || nonce.Length is 0 or > 64 || !long.TryParse(request.Headers[RequestSignature.TimestampHeader], NumberStyles.Integer, CultureInfo.InvariantCulture, out var timestamp))
        {
            return "The request is not signed.";
        }

        // The signature is checked before the clock, so an unsigned caller learns nothing about our time.
        if (!RequestSignature.IsValid(options.Secret, request.Method, path, timestamp, nonce, body, signature))
        {
            return "The request signature is not valid.";
        }

        var skew = (_time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(timestamp)).Duration();
        if (skew > options.SignatureWindow)
        {
            return "The request timestamp is outside the accepted window; check the clocks.";
        }

        // Twice the window: a timestamp may lie a full window ahead of the clock.
        var keepUntil = _time.GetUtcNow() + options.SignatureWindow + options.SignatureWindow;
        return await _nonces.TryUseAsync(nonce, keepUntil, request.HttpContext.RequestAborted) ? null : "The request was already received (replay).";
    }
}
