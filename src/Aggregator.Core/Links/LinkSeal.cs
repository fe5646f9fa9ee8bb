using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Aggregator.Core.Links;

/// <summary>
/// Seals a <see cref="LinkGrant"/> into the token of a link, and opens it again. The grant is encrypted and
/// authenticated (AES-GCM), so a link shows no address or id in clear and cannot be altered or forged without the
/// secret; a link of another deployment (another secret) does not open. The nonce is derived from the grant itself
/// (synthetic, as in SIV), so the same grant always gives the same token: a resent message is byte for byte the same.
/// Links never expire: one in a years-old mail still unsubscribes.
/// </summary>
public sealed class LinkSeal
{
    private const string Version = "v1.";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const char Separator = '\u001f';
    private readonly byte[] _encryption;
    private readonly byte[] _synthetic;

    public LinkSeal(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var key = Encoding.UTF8.GetBytes(secret);
        _encryption = HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: "aggregator link encryption"u8.ToArray());
        _synthetic = HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: "aggregator link nonce"u8.ToArray());
    }

    public string Seal(LinkGrant grant)
    {
        var plain = Encoding.UTF8.GetBytes(string.Join(Separator,
            (int)grant.Kind, grant.SubscriberId, grant.RuleId ?? "", grant.Address ?? "", grant.AlertId ?? "", grant.ItemLink ?? ""));
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        HMACSHA256.HashData(_synthetic, plain).AsSpan(0, NonceBytes).CopyTo(nonce);
        using var aes = new AesGcm(_encryption, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length));
        return Version + Base64Url.EncodeToString(sealedBytes);
    }

    /// <summary>The grant, or null for a token that is malformed, altered, or sealed with another secret.</summary>
    public LinkGrant? Open(string token)
    {
        if (!token.StartsWith(Version, StringComparison.Ordinal) || token.Length > 4096) return null;
        byte[] sealedBytes;
        try
        {
            sealedBytes = Base64Url.DecodeFromChars(token.AsSpan(Version.Length));
        }
        catch (FormatException)
        {
            return null;
        }
        if (sealedBytes.Length < NonceBytes + TagBytes) return null;
        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        try
        {
            using var aes = new AesGcm(_encryption, TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        var parts = Encoding.UTF8.GetString(plain).Split(Separator);
        if (parts.Length != 6 || !int.TryParse(parts[0], out var kind) || !Enum.IsDefined((LinkKind)kind) || parts[1].Length == 0) return null;
        return new LinkGrant((LinkKind)kind, parts[1], Null(parts[2]), Null(parts[3]), Null(parts[4]), Null(parts[5]));
    }

    private static string? Null(string part) => part.Length == 0 ? null : part;
}
