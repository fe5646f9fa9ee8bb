using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;

namespace Aggregator.Tests.Support;

/// <summary>
/// An OpenID Connect provider on 127.0.0.1, enough for the authorization code flow with PKCE: discovery, an
/// authorize endpoint that signs in <see cref="NextUser"/> at once and redirects back with a code, a token
/// endpoint that checks the client secret and the PKCE verifier and issues an RS256 id token, and the JWKS.
/// </summary>
internal sealed class OidcProvider : IAsyncDisposable
{
    public const string ClientId = "aggregator-console";
    public const string ClientSecret = "provider-secret";

    private static readonly string[] Code = ["code"];
    private static readonly string[] Public = ["public"];
    private static readonly string[] Rs256 = ["RS256"];
    private static readonly string[] S256 = ["S256"];

    private readonly LoopbackHttpServer _server;
    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, (string Challenge, string Nonce, Person User)> _codes = new();

    public OidcProvider() => _server = new LoopbackHttpServer(AnswerAsync);

    public sealed record Person(string Subject, string Email, IReadOnlyList<string> Groups);

    public Uri Authority => new(_server.BaseUrl.AbsoluteUri.TrimEnd('/'));

    /// <summary>Who the next authorization signs in.</summary>
    public Person NextUser { get; set; } = new("u-1", "ann@example.org", ["ops"]);

    /// <summary>Code exchanges the token endpoint refused, with the reason: a missing or wrong verifier, a wrong secret.</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    public int TokensIssued { get; private set; }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        switch (context.Request.Url!.AbsolutePath)
        {
            case "/.well-known/openid-configuration":
                await JsonAsync(response, new Dictionary<string, object>
                {
                    ["issuer"] = Authority.AbsoluteUri.TrimEnd('/'),
                    ["authorization_endpoint"] = new Uri(_server.BaseUrl, "authorize").AbsoluteUri,
                    ["token_endpoint"] = new Uri(_server.BaseUrl, "token").AbsoluteUri,
                    ["jwks_uri"] = new Uri(_server.BaseUrl, "jwks").AbsoluteUri,
                    ["response_types_supported"] = Code,
                    ["subject_types_supported"] = Public,
                    ["id_token_signing_alg_values_supported"] = Rs256,
                    ["code_challenge_methods_supported"] = S256,
                });
                return;
            case "/jwks":
                var p = _key.ExportParameters(false);
                await JsonAsync(response, new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = "k1", n = Base64Url(p.Modulus!), e = Base64Url(p.Exponent!) } } });
                return;
            case "/authorize":
                var query = HttpUtility.ParseQueryString(context.Request.Url.Query);
                if (query["code_challenge_method"] != "S256" || string.IsNullOrEmpty(query["code_challenge"]))
                {
                    response.StatusCode = 400;
                    response.Close();
                    return;
                }
                var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
                _codes[code] = (query["code_challenge"]!, query["nonce"]!, NextUser);
                response.Redirect($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query["state"]!)}");
                response.Close();
                return;
            case "/token":
                using (var reader = new StreamReader(context.Request.InputStream))
                {
                    var form = HttpUtility.ParseQueryString(await reader.ReadToEndAsync());
                    if (!_codes.TryRemove(form["code"] ?? "", out var grant)) { await RefuseAsync(response, "unknown code"); return; }
                    if (form["client_secret"] != ClientSecret) { await RefuseAsync(response, "wrong client secret"); return; }
                    var verifier = form["code_verifier"] ?? "";
                    if (Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.Challenge) { await RefuseAsync(response, "PKCE verifier does not match"); return; }
                    TokensIssued++;
                    await JsonAsync(response, new { access_token = "at-" + grant.User.Subject, token_type = "Bearer", expires_in = 300, id_token = IdToken(grant.User, grant.Nonce, form["client_id"]!) });
                }
                return;
            default:
                response.StatusCode = 404;
                response.Close();
                return;
        }
    }

    private string IdToken(Person user, string nonce, string audience)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", kid = "k1", typ = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = Authority.AbsoluteUri.TrimEnd('/'), ["aud"] = audience, ["sub"] = user.Subject, ["email"] = user.Email,
            ["groups"] = user.Groups, ["nonce"] = nonce, ["iat"] = now, ["nbf"] = now, ["exp"] = now + 300,
        }));
        var signature = _key.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{Base64Url(signature)}";
    }

    private async Task RefuseAsync(HttpListenerResponse response, string why)
    {
        Refusals.Enqueue(why);
        response.StatusCode = 400;
        await JsonAsync(response, new { error = "invalid_grant", error_description = why }, keepStatus: true);
    }

    private static async Task JsonAsync(HttpListenerResponse response, object body, bool keepStatus = false)
    {
        if (!keepStatus) response.StatusCode = 200;
        response.ContentType = "application/json";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _key.Dispose();
    }
}
