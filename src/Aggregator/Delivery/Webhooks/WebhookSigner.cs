using System.Security.Cryptography;
using System.Text;

namespace Aggregator.Delivery.Webhooks;

/// <summary>
/// Standard Webhooks signatures: <c>v1,&lt;base64 HMAC-SHA256 of "id.timestamp.body"&gt;</c> keyed by the
/// base64-decoded part of a <c>whsec_</c> secret; several secrets give several space-separated signatures.
/// </summary>
internal static class WebhookSigner
{
    private const string Prefix = "whsec_";

    public static string Sign(IEnumerable<string> secrets, string messageId, long timestamp, string body)
    {
        var content = Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}");
        return string.Join(' ', secrets.Select(secret => "v1," + Convert.ToBase64String(HMACSHA256.HashData(Key(secret), content))));
    }

    /// <exception cref="FormatException">The secret is not base64 after its prefix.</exception>
    public static byte[] Key(string secret)
    {
        var encoded = secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret;
        return Convert.FromBase64String(encoded);
    }
}
