using Aggregator.Commands;
using Aggregator.Configuration;
using Aggregator.Health;
using Aggregator.Hosting;
using Aggregator.OperatorConsole.Pages;
using Aggregator.Scheduling;
using Aggregator.Status;
using Aggregator.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using static Aggregator.Hosting.WebListener;

namespace Aggregator.OperatorConsole;

/// <summary>
/// The console's routes. Every page has a JSON twin under <c>/api/</c> built from the same report, and that
/// report is the one <c>status --json</c> prints. Forms post with an antiforgery token; the sign-in form is
/// rate-limited.
/// </summary>
internal static class ConsoleEndpoints
{
    public const string SignInLimit = "signin";

    public static void Map(WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = WorkerHealthChecks.Tagged(WorkerHealthChecks.Live), ResponseWriter = WriteLiveAsync })
            .AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = WorkerHealthChecks.Tagged(WorkerHealthChecks.Ready), ResponseWriter = WriteReadyAsync })
            .AllowAnonymous();
        app.MapGet("/static/console.css", () => Results.Text(ConsoleStyle.Css, "text/css")).AllowAnonymous();
        app.MapGet("/static/try.js", () => Results.Text(ConsoleScript.Try, "text/javascript")).AllowAnonymous();

        app.MapGet("/signin", ShowSignIn).AllowAnonymous();
        app.MapPost("/signin", SignInAsync).AllowAnonymous().RequireRateLimiting(SignInLimit).DisableAntiforgery();
        app.MapPost("/signout", SignOutAsync).DisableAntiforgery();
        app.MapGet(OidcSignIn.CompletedPath, (string? to) => Results.Content(SignInCompleted(to), "text/html; charset=utf-8")).AllowAnonymous();

        app.MapGet("/", DashboardAsync);
        app.MapGet("/feeds", FeedsAsync);
        app.MapGet("/feeds/{id}", FeedAsync);
        app.MapPost("/feeds/{id}/poll", PollNowAsync).DisableAntiforgery();
        app.MapGet("/rules", RulesAsync);
        app.MapGet("/try", TryAsync);
        app.MapGet("/explain", ExplainAsync);
        app.MapGet("/deliveries", DeliveriesAsync);
        app.MapGet("/deliveries/{id:long}", MessageAsync);
        app.MapPost("/deliveries/{id:long}/replay", ReplayOneAsync).DisableAntiforgery();
        app.MapPost("/deliveries/replay", ReplaySinceAsync).DisableAntiforgery();

        app.MapGet("/api/status", (HttpContext context, ActiveConfig config, IStatusStore store, ISubscriberChoiceReads choices, IConsoleStore console, TimeProvider time, CancellationToken ct) =>
            StatusStream.WriteAsync(context.Response, config, store, choices, console, time, ct));
        app.MapGet("/api/dashboard", async (ConsoleData data, CancellationToken ct) =>
            Results.Json(await data.DashboardAsync(ct), CommandJson.Options));
        app.MapGet("/api/feeds", async (ConsoleData data, bool? failing, int? page, CancellationToken ct) =>
            Results.Json(await data.FeedsAsync(failing == true, page ?? 1, ct), CommandJson.Options));
        app.MapGet("/api/feeds/{id}", async (string id, ConsoleData data, CancellationToken ct) =>
            await data.FeedAsync(id, ct) is { } feed ? Results.Json(feed, CommandJson.Options) : Results.NotFound());
        app.MapGet("/api/rules", async (ConsoleData data, CancellationToken ct) => Results.Json(await data.RulesAsync(ct), CommandJson.Options));
        app.MapGet("/api/try", async (ConsoleData data, string? query, string? rule, bool? all, CancellationToken ct) =>
            Results.Json(await data.TryAsync(query, rule, all == true, ct), CommandJson.Options));
        app.MapGet("/api/explain", async (ConsoleData data, string? rule, string? item, CancellationToken ct) =>
            Results.Json(await data.ExplainAsync(rule, item, ct), CommandJson.Options));
        app.MapGet("/api/deliveries", async (ConsoleData data, string? subscriber, string? rule, string? status, long? before, string? since, CancellationToken ct) =>
            Results.Json(await data.DeliveriesAsync(new DeliveryFilter(subscriber, rule, status, before, since), null, ct), CommandJson.Options));
        app.MapGet("/api/deliveries/{id:long}", async (long id, ConsoleData data, CancellationToken ct) =>
            await data.MessageAsync(id, ct) is { } message ? Results.Json(message, CommandJson.Options) : Results.NotFound());
    }

    /// <summary><c>ok</c>, or one problem a line; the status code (200 or 503) is the health checks' own.</summary>
    private static Task WriteLiveAsync(HttpContext context, HealthReport report)
    {
        var problems = WorkerHealthChecks.Problems(report);
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(problems.Count == 0 ? "ok\n" : string.Concat(problems.Select(p => p + "\n")), context.RequestAborted);
    }

    private static Task WriteReadyAsync(HttpContext context, HealthReport report)
    {
        var problems = WorkerHealthChecks.Problems(report);
        return context.Response.WriteAsJsonAsync(new { ready = problems.Count == 0, problems }, CommandJson.Options, context.RequestAborted);
    }

    private static RazorComponentResult<SignInPage> ShowSignIn(HttpContext context, IAntiforgery antiforgery, ConsoleData data, string? token) =>
        Page<SignInPage>(new()
        {
            [nameof(SignInPage.Form)] = FormTokens.For(context, antiforgery),
            [nameof(SignInPage.Token)] = token,
            [nameof(SignInPage.TokenMode)] = data.AuthMode == ConsoleAuthMode.Token,
        });

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, SignInToken tokens, ConsoleData data)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest("the form expired or did not come from this console: reload the page");
        if (data.AuthMode != ConsoleAuthMode.Token) return Results.NotFound();
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!tokens.TryUse(form["token"].ToString()))
        {
            return Page<SignInPage>(new()
            {
                [nameof(SignInPage.Form)] = FormTokens.For(context, antiforgery),
                [nameof(SignInPage.TokenMode)] = true,
                [nameof(SignInPage.Error)] = "That token does not sign in.",
            }, StatusCodes.Status401Unauthorized);
        }
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, ConsoleAuth.Operator("operator", CookieAuthenticationDefaults.AuthenticationScheme));
        return Results.Redirect("/");
    }

    /// <summary>A same-site step after the provider's redirect, so the new session cookie goes along (see <see cref="OidcSignIn.CompletedPath"/>).</summary>
    private static string SignInCompleted(string? to)
    {
        var target = to is { Length: > 0 } && to.StartsWith('/') && !to.StartsWith("//", StringComparison.Ordinal) ? to : "/";
        var encoded = System.Net.WebUtility.HtmlEncode(target);
        return $"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url={encoded}"><title>Signed in · Aggregator</title></head><body><main><p>Signed in. <a href="{encoded}">Continue to the console</a>.</p></main></body></html>""";
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest("the form did not come from this console");
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect("/signin");
    }

    private static async Task<IResult> DashboardAsync(HttpContext context, IAntiforgery antiforgery, ConsoleData data, CancellationToken ct) =>
        Page<DashboardPage>(new()
        {
            [nameof(DashboardPage.Shell)] = Shell(context, antiforgery, "Dashboard"),
            [nameof(DashboardPage.View)] = await data.DashboardAsync(ct),
        });

    private static async Task<IResult> FeedsAsync(HttpContext context, IAntiforgery antiforgery, ConsoleData data, bool? failing, int? page, CancellationToken ct) =>
        Page<FeedsPage>(new()
        {
            [nameof(FeedsPage.Shell)] = Shell(context, antiforgery, "Feeds"),
            [nameof(FeedsPage.View)] = await data.FeedsAsync(failing == true, page ?? 1, ct),
        });

    private static async Task<IResult> FeedAsync(string id, HttpContext context, IAntiforgery antiforgery, ConsoleData data, string? polled, CancellationToken ct) =>
        await data.FeedAsync(id, ct) is { } feed
            ? Page<FeedPage>(new()
            {
                [nameof(FeedPage.Shell)] = Shell(context, antiforgery, $"Feed {id}"),
                [nameof(FeedPage.View)] = feed,
                [nameof(FeedPage.Polled)] = polled is not null,
            })
            : Results.NotFound();

    private static async Task<IResult> PollNowAsync(string id, HttpContext context, IAntiforgery antiforgery, IFeedSchedule schedule, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest("the form did not come from this console");
        return await schedule.PollNowAsync(id, ct) ? Results.Redirect($"/feeds/{Uri.EscapeDataString(id)}?polled=1") : Results.NotFound();
    }

    private static async Task<IResult> DeliveriesAsync(
        HttpContext context, IAntiforgery antiforgery, ConsoleData data, string? subscriber, string? rule, string? status, long? before, string? since,
        string? notice, CancellationToken ct) =>
        Page<DeliveriesPage>(new()
        {
            [nameof(DeliveriesPage.Shell)] = Shell(context, antiforgery, "Deliveries"),
            [nameof(DeliveriesPage.View)] = await data.DeliveriesAsync(new DeliveryFilter(subscriber, rule, status, before, since), notice, ct),
        });

    private static async Task<IResult> RulesAsync(HttpContext context, IAntiforgery antiforgery, ConsoleData data, CancellationToken ct) =>
        Page<RulesPage>(new()
        {
            [nameof(RulesPage.Shell)] = Shell(context, antiforgery, "Rules"),
            [nameof(RulesPage.Rules)] = await data.RulesAsync(ct),
        });

    /// <summary>The playground; with <c>partial=true</c> (its script, as one types) only the results.</summary>
    private static async Task<IResult> TryAsync(
        HttpContext context, IAntiforgery antiforgery, ConsoleData data, string? query, string? rule, bool? all, bool? partial, CancellationToken ct)
    {
        var view = await data.TryAsync(query, rule, all == true, ct);
        return partial == true
            ? Page<TryResults>(new() { [nameof(TryResults.View)] = view })
            : Page<TryPage>(new()
            {
                [nameof(TryPage.Shell)] = Shell(context, antiforgery, "Try a rule"),
                [nameof(TryPage.View)] = view,
            });
    }

    private static async Task<IResult> ExplainAsync(HttpContext context, IAntiforgery antiforgery, ConsoleData data, string? rule, string? item, CancellationToken ct) =>
        Page<ExplainPage>(new()
        {
            [nameof(ExplainPage.Shell)] = Shell(context, antiforgery, "Explain"),
            [nameof(ExplainPage.View)] = await data.ExplainAsync(rule, item, ct),
        });

    private static async Task<IResult> MessageAsync(long id, HttpContext context, IAntiforgery antiforgery, ConsoleData data, CancellationToken ct) =>
        await data.MessageAsync(id, ct) is { } message
            ? Page<MessagePage>(new()
            {
                [nameof(MessagePage.Shell)] = Shell(context, antiforgery, $"Message {id}"),
                [nameof(MessagePage.View)] = message,
            })
            : Results.NotFound();

    private static async Task<IResult> ReplayOneAsync(long id, HttpContext context, IAntiforgery antiforgery, ConsoleData data, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest("the form did not come from this console");
        var notice = await data.ReplayAsync(id, null, null, ct);
        return Results.Redirect($"/deliveries?status=dead&notice={Uri.EscapeDataString($"Message {id}: {notice}")}");
    }

    private static async Task<IResult> ReplaySinceAsync(HttpContext context, IAntiforgery antiforgery, ConsoleData data, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest("the form did not come from this console");
        var form = await context.Request.ReadFormAsync(ct);
        if (Times.TryParse(form["since"].ToString()) is not { } since)
            return Results.Redirect($"/deliveries?status=dead&notice={Uri.EscapeDataString("Nothing replayed: 'since' is not a time (e.g. 2026-12-04 09:00)")}");
        var notice = await data.ReplayAsync(null, since, form["subscriber"].ToString(), ct);
        return Results.Redirect($"/deliveries?status=dead&notice={Uri.EscapeDataString($"Dead since {Times.Format(since)}: {notice}")}");
    }

    internal static PageShell Shell(HttpContext context, IAntiforgery antiforgery, string title)
    {
        var mode = context.RequestServices.GetRequiredService<ConsoleData>().AuthMode;
        return new(title, context.User.Identity?.Name ?? "operator", FormTokens.For(context, antiforgery),
            mode is ConsoleAuthMode.Token or ConsoleAuthMode.Oidc);
    }
}
