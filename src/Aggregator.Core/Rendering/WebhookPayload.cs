using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Aggregator.Core.Alerts;
using Aggregator.Core.Query;

namespace Aggregator.Core.Rendering;

/// <summary>
/// The webhook bodies of the operator contract: <c>alert.matched</c> for one alert (<c>data.rule</c> is the
/// first matching rule, <c>data.rules</c> lists every one) and <c>alert.digest</c> for several.
/// Property names are camelCase; times are ISO-8601 UTC. <c>rules[].snippets</c> gives one line per matched
/// field with the marked spans (UTF-16 offsets into its text), as the email shows them. <c>also</c> lists the copies of the
/// item's story grouped with the alert (filled in a digest; empty otherwise).
/// </summary>
public static class WebhookPayload
{
    public static string Matched(Alert alert, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return Write(w =>
        {
            Envelope(w, "alert.matched", timestamp);
            w.WritePropertyName("data");
            Data(w, alert);
            w.WriteEndObject();
        });
    }

    public static string Digest(string subscriberId, IReadOnlyList<Alert> alerts, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        return Write(w =>
        {
            Envelope(w, "alert.digest", timestamp);
            w.WriteStartObject("data");
            w.WriteString("subscriber", subscriberId);
            w.WriteStartArray("alerts");
            foreach (var alert in alerts) Data(w, alert);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    public static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            body(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Envelope(Utf8JsonWriter w, string type, DateTimeOffset timestamp)
    {
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteString("timestamp", FormatTime(timestamp));
    }

    private static void Data(Utf8JsonWriter w, Alert alert)
    {
        w.WriteStartObject();
        w.WriteString("alertId", alert.AlertId);
        var first = alert.Rules.Count > 0 ? alert.Rules[0] : null;
        w.WriteStartObject("rule");
        w.WriteString("id", first?.RuleId);
        w.WriteString("query", first?.Query);
        w.WriteEndObject();
        w.WriteStartObject("feed");
        w.WriteString("id", alert.Feed.Id);
        w.WriteString("title", alert.Feed.Title);
        w.WriteString("url", SafeLink.From(alert.Feed.Url));
        w.WriteEndObject();
        w.WriteStartObject("item");
        w.WriteString("key", alert.Item.Key);
        w.WriteString("id", alert.Item.Id);
        w.WriteString("title", alert.Item.Title);
        w.WriteString("link", SafeLink.From(alert.Item.Link));
        if (alert.Item.Published is { } published) w.WriteString("published", FormatTime(published));
        else w.WriteNull("published");
        w.WriteString("summary", alert.Item.Summary);
        w.WriteEndObject();
        Matches(w, first?.Matches ?? []);
        w.WriteStartArray("rules");
        foreach (var rule in alert.Rules)
        {
            w.WriteStartObject();
            w.WriteString("id", rule.RuleId);
            w.WriteString("query", rule.Query);
            Matches(w, rule.Matches);
            Snippets(w, FieldSnippets.For(rule.Matches, alert.Item, alert.Feed));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Also(w, alert.Also ?? []);
        w.WriteEndObject();
    }

    /// <summary>Every copy grouped with the alert (a digest's alerts carry them), each with its feed and link.</summary>
    private static void Also(Utf8JsonWriter w, IReadOnlyList<StorySource> also)
    {
        w.WriteStartArray("also");
        foreach (var copy in also)
        {
            w.WriteStartObject();
            w.WriteStartObject("feed");
            w.WriteString("id", copy.FeedId);
            w.WriteString("title", copy.FeedTitle);
            w.WriteEndObject();
            w.WriteString("title", copy.Title);
            w.WriteString("link", SafeLink.From(copy.Link));
            w.WriteString("groupedAt", FormatTime(copy.At));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Snippets(Utf8JsonWriter w, IReadOnlyList<FieldSnippet> snippets)
    {
        w.WriteStartArray("snippets");
        foreach (var snippet in snippets)
        {
            w.WriteStartObject();
            w.WriteString("field", snippet.Field);
            w.WriteString("text", snippet.Text);
            w.WriteStartArray("marks");
            foreach (var mark in snippet.Marks)
            {
                w.WriteStartObject();
                w.WriteNumber("start", mark.Start);
                w.WriteNumber("length", mark.Length);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Matches(Utf8JsonWriter w, IReadOnlyList<TermMatch> matches)
    {
        w.WriteStartArray("matches");
        foreach (var m in matches)
        {
            w.WriteStartObject();
            w.WriteString("field", m.Field);
            w.WriteString("term", m.Term);
            w.WriteString("snippet", m.Snippet);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
