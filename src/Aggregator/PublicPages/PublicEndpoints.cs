using Aggregator.Core.Links;
using Aggregator.PublicPages.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using static Aggregator.Hosting.WebListener;

namespace Aggregator.PublicPages;

/// <summary>
/// The subscriber pages under <c>/p/</c>. The sealed token in the address is the only credential: there are no
/// cookies and no sessions, so a mail client's one-click POST (RFC 8058) works as the page's own button does. A GET
/// never changes anything, because mail scanners follow links.
/// </summary>
internal static class PublicEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/static/public.css", () => Results.Text(PublicStyle.Css, "text/css"));

        app.MapGet("/p/u/{token}", IResult (string token, SubscriberPages pages) =>
            pages.Open(token, LinkKind.Unsubscribe) is { } grant ? Unsubscribe(pages, grant, done: false) : NotFound(pages));
        app.MapPost("/p/u/{token}", async Task<IResult> (string token, SubscriberPages pages, CancellationToken ct) =>
        {
            if (pages.Open(token, LinkKind.Unsubscribe) is not { } grant) return NotFound(pages);
            await pages.UnsubscribeAsync(grant, ct);
            return Unsubscribe(pages, grant, done: true);
        }).DisableAntiforgery();

        app.MapGet("/p/s/{token}", async Task<IResult> (string token, SubscriberPages pages, CancellationToken ct) =>
            pages.Open(token, LinkKind.Preferences) is { } grant ? await PreferencesAsync(pages, grant, null, ct) : NotFound(pages));
        app.MapPost("/p/s/{token}", async Task<IResult> (string token, HttpContext context, SubscriberPages pages, CancellationToken ct) =>
        {
            if (pages.Open(token, LinkKind.Preferences) is not { } grant) return NotFound(pages);
            var notice = await pages.ChangeAsync(grant, await context.Request.ReadFormAsync(ct), ct);
            return await PreferencesAsync(pages, grant, notice, ct);
        }).DisableAntiforgery();

        app.MapGet("/p/a/{token}", IResult (string token, SubscriberPages pages) =>
            pages.Open(token, LinkKind.Alert) is { } grant ? Alert(pages, grant, null) : NotFound(pages));
        app.MapPost("/p/a/{token}", async Task<IResult> (string token, HttpContext context, SubscriberPages pages, CancellationToken ct) =>
        {
            if (pages.Open(token, LinkKind.Alert) is not { } grant) return NotFound(pages);
            var form = await context.Request.ReadFormAsync(ct);
            return Alert(pages, grant, await pages.AnswerAlertAsync(grant, form["action"].ToString(), ct));
        }).DisableAntiforgery();

        app.MapFallback((SubscriberPages pages) => NotFound(pages));
    }

    private static RazorComponentResult<UnsubscribePage> Unsubscribe(SubscriberPages pages, LinkGrant grant, bool done) =>
        Page<UnsubscribePage>(new()
        {
            [nameof(UnsubscribePage.Shell)] = new PublicShell(done ? "Unsubscribed" : "Unsubscribe", pages.Site),
            [nameof(UnsubscribePage.View)] = pages.Unsubscribe(grant, done),
        });

    private static async Task<IResult> PreferencesAsync(SubscriberPages pages, LinkGrant grant, string? notice, CancellationToken ct) =>
        Page<PreferencesPage>(new()
        {
            [nameof(PreferencesPage.Shell)] = new PublicShell("Your alerts", pages.Site),
            [nameof(PreferencesPage.View)] = await pages.PreferencesAsync(grant, notice, ct),
        });

    private static RazorComponentResult<AlertPage> Alert(SubscriberPages pages, LinkGrant grant, string? notice) =>
        Page<AlertPage>(new()
        {
            [nameof(AlertPage.Shell)] = new PublicShell("Why this alert", pages.Site),
            [nameof(AlertPage.View)] = pages.Alert(grant, notice),
        });

    private static RazorComponentResult<NotFoundPage> NotFound(SubscriberPages pages) =>
        Page<NotFoundPage>(new() { [nameof(NotFoundPage.Shell)] = new PublicShell("Link not found", pages.Site) }, StatusCodes.Status404NotFound);
}
