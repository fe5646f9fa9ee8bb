using System.Security.Cryptography;
using System.Text;

namespace Aggregator.OperatorConsole;

/// <summary>
/// The passphrase of <c>auth.mode: token</c>. A configured one stays valid. Without one, a random token is made
/// and a sign-in link logged (as Jupyter does); it signs in once, after which a new one is made and logged, so
/// a link copied from an old log line is worth nothing.
/// </summary>
internal sealed class SignInToken
{
    private readonly string? _configured;
    private readonly Lock _lock = new();
    private string? _oneTime;

    public SignInToken(string configured)
    {
        _configured = configured.Length > 0 ? configured : null;
        if (_configured is null) _oneTime = Make();
    }

    /// <summary>The current one-time token; null when a passphrase is configured.</summary>
    public string? OneTime
    {
        get
        {
            lock (_lock) return _oneTime;
        }
    }

    /// <summary>Raised with the next one-time token after one was used.</summary>
    public event Action<string>? Renewed;

    /// <summary>True when <paramref name="candidate"/> signs in; a one-time token is then spent.</summary>
    public bool TryUse(string candidate)
    {
        if (_configured is not null) return FixedTimeEquals(candidate, _configured);
        string next;
        lock (_lock)
        {
            if (_oneTime is null || !FixedTimeEquals(candidate, _oneTime)) return false;
            next = _oneTime = Make();
        }
        Renewed?.Invoke(next);
        return true;
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static string Make() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
