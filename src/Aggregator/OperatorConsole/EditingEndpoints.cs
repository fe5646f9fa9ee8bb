using Aggregator.Commands;
using Aggregator.ConfigEditing;
using Aggregator.OperatorConsole.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using static Aggregator.Hosting.WebListener;
using static Aggregator.OperatorConsole.ConsoleEndpoints;

namespace Aggregator.OperatorConsole;

/// <summary>
/// The console's editing routes: a form per feed, rule and subscriber, their deletion, and the config page with the
/// audit of changes. Every post is checked for its antiforgery token and names the file version it was built on.
/// </summary>
internal static class EditingEndpoints
{
    private const string Section = "{section:regex(^(feeds|rules|subscribers)$)}";

    public static void Map(WebApplication app)
    {
        app.MapGet($"/{Section}/new", (string section, HttpContext context, IAntiforgery antiforgery, EditingData data) =>
            ConfigSections.TryParse(section, out var s) ? EditPage(context, antiforgery, $"New {s.Noun()}", data.New(s)) : Results.NotFound());
        app.MapPost($"/{Section}/new", SubmitNewAsync).DisableAntiforgery();
        app.MapGet($"/{Section}/{{id}}/edit", (string section, string id, HttpContext context, IAntiforgery antiforgery, EditingData data) =>
            ConfigSections.TryParse(section, out var s) && data.Edit(s, id) is { } view ? EditPage(context, antiforgery, $"Edit {s.Noun()} {id}", view) : Results.NotFound());
        app.MapPost($"/{Section}/{{id}}/edit", SubmitEditAsync).DisableAntiforgery();
        app.MapPost($"/{Section}/{{id}}/delete", DeleteAsync).DisableAntiforgery();

        app.MapGet("/config", async (HttpContext context, IAntiforgery antiforgery, EditingData data, long? before, CancellationToken ct) =>
            Page<ConfigPage>(new()
            {
                [nameof(ConfigPage.Shell)] = Shell(context, antiforgery, "Config"),
                [nameof(ConfigPage.View)] = await data.ConfigAsync(before, ct),
            }));
        app.MapGet("/config/changes/{id:long}", async (long id, HttpContext context, IAntiforgery antiforgery, EditingData data, CancellationToken ct) =>
            await data.ChangeAsync(id, ct) is { } change
                ? Page<ConfigChangePage>(new()
                {
                    [nameof(ConfigChangePage.Shell)] = Shell(context, antiforgery, $"Change {id}"),
                    [nameof(ConfigChangePage.Change)] = change,
                })
                : Results.NotFound());
        app.MapGet("/config/changes/{id:long}/patch", async (long id, EditingData data, CancellationToken ct) =>
            await data.ChangeAsync(id, ct) is { } change
                ? Results.File(System.Text.Encoding.UTF8.GetBytes(change.Diff), "text/x-diff; charset=utf-8", $"aggregator-change-{id}.patch")
                : Results.NotFound());
        app.MapGet("/import", (HttpContext context, IAntiforgery antiforgery, ImportData data) => ImportPage(context, antiforgery, data.Form()));
        app.MapPost("/import", ImportAsync).DisableAntiforgery();
        app.MapGet("/feeds.opml", (ImportData data) =>
            Results.File(System.Text.Encoding.UTF8.GetBytes(data.Export()), "text/x-opml; charset=utf-8", "feeds.opml"));
        app.MapGet("/subscribers", async (HttpContext context, IAntiforgery antiforgery, ChoicesData data, string? notice, CancellationToken ct) =>
            Page<SubscribersPage>(new()
            {
                [nameof(SubscribersPage.Shell)] = Shell(context, antiforgery, "Subscribers"),
                [nameof(SubscribersPage.View)] = await data.SubscribersAsync(notice, ct),
            }));
        app.MapGet("/api/subscribers", async (ChoicesData data, CancellationToken ct) => Results.Json(await data.SubscribersAsync(null, ct), CommandJson.Options));
        app.MapPost("/subscribers/{id}/lift", async (string id, HttpContext context, IAntiforgery antiforgery, ChoicesData data, CancellationToken ct) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest("the form expired or did not come from this console: reload the page");
            var form = await context.Request.ReadFormAsync(ct);
            return Results.Redirect($"/subscribers?notice={Uri.EscapeDataString(await data.LiftAsync(id, form["kind"].ToString(), ct))}");
        }).DisableAntiforgery();
        app.MapGet("/subscribers/{id}/bake", async (string id, HttpContext context, IAntiforgery antiforgery, ChoicesData data, CancellationToken ct) =>
            await data.BakeAsync(id, null, null, Operator(context), ct) is { } bake ? BakePage(context, antiforgery, bake.View, bake.Status) : Results.NotFound());
        app.MapPost("/subscribers/{id}/bake", async (string id, HttpContext context, IAntiforgery antiforgery, ChoicesData data, CancellationToken ct) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest("the form expired or did not come from this console: reload the page");
            var form = await context.Request.ReadFormAsync(ct);
            return await data.BakeAsync(id, form["file"].ToString(), form["base"].ToString(), Operator(context), ct) is { } bake
                ? BakePage(context, antiforgery, bake.View, bake.Status)
                : Results.NotFound();
        }).DisableAntiforgery();
        app.MapGet("/api/config", async (EditingData data, long? before, CancellationToken ct) => Results.Json(await data.ConfigAsync(before, ct), CommandJson.Options));
        app.MapGet("/api/config/changes/{id:long}", async (long id, EditingData data, CancellationToken ct) =>
            await data.ChangeAsync(id, ct) is { } change ? Results.Json(change, CommandJson.Options) : Results.NotFound());
    }

    private static async Task<IResult> SubmitNewAsync(string section, HttpContext context, IAntiforgery antiforgery, EditingData data, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest("the form expired or did not come from this console: reload the page");
        if (!ConfigSections.TryParse(section, out var s)) return Results.NotFound();
        var form = await context.Request.ReadFormAsync(ct);
        var id = form["id"].ToString().Trim();
        var file = form["file"].ToString().Trim();
        var (view, status) = await data.SubmitAsync(s, id, isNew: true, file, form["basefile"].ToString(), form["base"].ToString(), Typed(form, s), Saving(form), Operator(context), ct);
        return EditPage(context, antiforgery, view.IsNew ? $"New {s.Noun()}" : $"Edit {s.Noun()} {id}", view, status);
    }

    private static async Task<IResult> SubmitEditAsync(string section, string id, HttpContext context, IAntiforgery antiforgery, EditingData data, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest("the form expired or did not come from this console: reload the page");
        if (!ConfigSections.TryParse(section, out var s)) return Results.NotFound();
        var form = await context.Request.ReadFormAsync(ct);
        var (view, status) = await data.SubmitAsync(s, id, isNew: false, form["file"].ToString(), form["file"].ToString(), form["base"].ToString(), Typed(form, s), Saving(form), Operator(context), ct);
        return EditPage(context, antiforgery, $"Edit {s.Noun()} {id}", view, status);
    }

    private static async Task<IResult> DeleteAsync(string section, string id, HttpContext context, IAntiforgery antiforgery, EditingData data, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest("the form expired or did not come from this console: reload the page");
        if (!ConfigSections.TryParse(section, out var s)) return Results.NotFound();
        var form = await context.Request.ReadFormAsync(ct);
        var (change, file, baseHash, error, status) = await data.DeleteAsync(s, id, form["file"].ToString(), form["base"].ToString(), Saving(form), Operator(context), ct);
        return Page<DeletePage>(new()
        {
            [nameof(DeletePage.Shell)] = Shell(context, antiforgery, $"Delete {s.Noun()} {id}"),
            [nameof(DeletePage.Section)] = s.Key(),
            [nameof(DeletePage.Id)] = id,
            [nameof(DeletePage.File)] = file,
            [nameof(DeletePage.BaseHash)] = baseHash,
            [nameof(DeletePage.Change)] = change,
            [nameof(DeletePage.Error)] = error,
        }, status);
    }

    /// <summary>The OPML comes as an uploaded file from the first form, and as the text carried by the preview after that.</summary>
    private static async Task<IResult> ImportAsync(HttpContext context, IAntiforgery antiforgery, ImportData data, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest("the form expired or did not come from this console: reload the page");
        var form = await context.Request.ReadFormAsync(ct);
        var text = form["text"].ToString();
        if (form.Files.GetFile("opml") is { Length: > 0 } upload)
        {
            if (upload.Length > Core.Opml.OpmlLimits.Default.MaxBytes) return ImportPage(context, antiforgery, data.Form() with { Error = "That file is larger than an OPML import may be (5 MiB)." }, 413);
            using var reader = new StreamReader(upload.OpenReadStream());
            text = await reader.ReadToEndAsync(ct);
        }
        if (text.Length == 0) return ImportPage(context, antiforgery, data.Form() with { Error = "Choose an OPML file to import." }, 422);
        var (view, status) = await data.SubmitAsync(text, form["file"].ToString().Trim(), form["basefile"].ToString(), form["base"].ToString(), Saving(form), Operator(context), ct);
        return ImportPage(context, antiforgery, view, status);
    }

    private static RazorComponentResult<ImportPage> ImportPage(HttpContext context, IAntiforgery antiforgery, ImportView view, int status = StatusCodes.Status200OK) =>
        Page<ImportPage>(new()
        {
            [nameof(Pages.ImportPage.Shell)] = Shell(context, antiforgery, "Import OPML"),
            [nameof(Pages.ImportPage.View)] = view,
        }, status);

    private static RazorComponentResult<BakePage> BakePage(HttpContext context, IAntiforgery antiforgery, BakeView view, int status) =>
        Page<BakePage>(new()
        {
            [nameof(Pages.BakePage.Shell)] = Shell(context, antiforgery, $"Bake the choices of {view.SubscriberId}"),
            [nameof(Pages.BakePage.View)] = view,
        }, status);

    private static RazorComponentResult<EntryEditPage> EditPage(HttpContext context, IAntiforgery antiforgery, string title, EntryEditView view, int status = StatusCodes.Status200OK) =>
        Page<EntryEditPage>(new()
        {
            [nameof(EntryEditPage.Shell)] = Shell(context, antiforgery, title),
            [nameof(EntryEditPage.View)] = view,
        }, status);

    /// <summary>The form's values of the section's editable keys; an unticked checkbox is absent, as browsers send it.</summary>
    private static Dictionary<string, string> Typed(IFormCollection form, ConfigSection section) =>
        EntryField.Of(section).Where(f => form.ContainsKey(f.Key)).ToDictionary(f => f.Key, f => form[f.Key].ToString(), StringComparer.Ordinal);

    private static bool Saving(IFormCollection form) => form["action"] == "save";

    private static string Operator(HttpContext context) => context.User.Identity?.Name ?? "operator";
}
