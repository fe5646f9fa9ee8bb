using System.Net;
using System.Text.RegularExpressions;

namespace Aggregator.Tests.Support;

/// <summary>
/// The real executable running <c>run</c> with its console on a free loopback port, and an HTTP client that
/// keeps cookies and never follows redirects, so each answer can be checked as the server gave it.
/// </summary>
internal sealed partial class ConsoleWorker : IDisposable
{
    private readonly AggregatorProcess? _process;

    private ConsoleWorker(AggregatorProcess? process, Uri address, HttpClient client, CookieContainer cookies)
    {
        _process = process;
        Address = address;
        Http = client;
        Cookies = cookies;
    }

    /// <summary>The worker; null for a second browser session on a worker another instance started (<see cref="AttachAsync"/>).</summary>
    public AggregatorProcess Process => _process ?? throw new InvalidOperationException("attached to a worker started elsewhere");

    public Uri Address { get; }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; }

    public string Output => Process.StandardOutput + Process.StandardError;

    /// <summary>Starts the worker in <paramref name="work"/> with its <c>config/</c> and waits for the console's log line.</summary>
    public static async Task<ConsoleWorker> StartAsync(TempDirectory work, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var process = AggregatorProcess.Start(work.Path, environment, "run", "--config", "config");
        if (!await process.WaitForOutputAsync("Console listening on ", TimeSpan.FromSeconds(30), cancellationToken))
        {
            var output = process.StandardOutput + process.StandardError;
            process.Dispose();
            throw new InvalidOperationException("the console did not start:\n" + output);
        }
        return Client(process, new Uri(ListeningOn().Match(process.StandardOutput + process.StandardError).Groups["url"].Value));
    }

    /// <summary>Another session (cookies of its own) on a console already running at <paramref name="address"/>.</summary>
    public static Task<ConsoleWorker> AttachAsync(Uri address, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled<ConsoleWorker>(cancellationToken) : Task.FromResult(Client(null, address));

    private static ConsoleWorker Client(AggregatorProcess? process, Uri address)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false, UseProxy = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        return new ConsoleWorker(process, address, client, cookies);
    }

    /// <summary>The one-time sign-in token of the <paramref name="nth"/> sign-in link logged (1 = at start).</summary>
    public string SignInLinkToken(int nth = 1) => SignInLink().Matches(Output)[nth - 1].Groups["token"].Value;

    /// <summary>How many sign-in links the worker has logged.</summary>
    public int SignInLinks => SignInLink().Count(Output);

    /// <summary>The antiforgery field of the form on the page at <paramref name="path"/>.</summary>
    public async Task<(string Name, string Value)> FormFieldAsync(string path, CancellationToken cancellationToken)
    {
        var html = await Http.GetStringAsync(path, cancellationToken);
        var field = FormField().Match(html);
        return (field.Groups["name"].Value, WebUtility.HtmlDecode(field.Groups["value"].Value));
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken) =>
        await Http.PostAsync(path, new FormUrlEncodedContent(fields), cancellationToken);

    /// <summary>Signs in with <paramref name="token"/> through the form, as a browser would.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string token, CancellationToken cancellationToken)
    {
        var (name, value) = await FormFieldAsync("/signin", cancellationToken);
        return await PostFormAsync("/signin", [new(name, value), new("token", token)], cancellationToken);
    }

    public void Dispose()
    {
        Http.Dispose();
        if (_process is null) return;
        _process.Terminate();
        _process.WaitForExitAsync(TimeSpan.FromSeconds(15), CancellationToken.None).GetAwaiter().GetResult();
        _process.Dispose();
    }

    [GeneratedRegex(@"Console listening on (?<url>http://\S+?/) ")]
    private static partial Regex ListeningOn();

    [GeneratedRegex(@"sign-in link .*?/signin\?token=(?<token>[0-9a-f]+)")]
    private static partial Regex SignInLink();

    [GeneratedRegex("""name="(?<name>__RequestVerificationToken)" value="(?<value>[^"]*)" """)]
    private static partial Regex FormField();
}
