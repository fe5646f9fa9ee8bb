using Aggregator.Core.Alerts;
using YamlDotNet.RepresentationModel;

namespace Aggregator.Configuration;

/// <summary>Reads the <c>subscribers</c> sections: how each subscriber is reached, and how often.</summary>
internal sealed class SubscribersSection
{
    internal static readonly string[] Keys = ["id", "email", "webhook", "digest", "timezone", "stories"];
    internal static readonly string[] WebhookKeys = ["url", "secret", "secrets"];
    private const string SecretPrefix = "whsec_";
    private readonly List<SubscriberDefinition> _subscribers = [];

    public IdRegistry Ids { get; } = new("subscriber");

    public IReadOnlyList<SubscriberDefinition> Subscribers => _subscribers;

    public void Read(YamlNode node, ConfigNodeReader r)
    {
        if (r.Sequence(node, "subscribers") is not { } sequence) return;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (r.Mapping(sequence.Children[i], $"subscribers[{i}]") is { } entry) ReadSubscriber(entry, $"subscribers[{i}]", r);
        }
    }

    private void ReadSubscriber(YamlMappingNode entry, string index, ConfigNodeReader r)
    {
        var id = Ids.Read(entry, index, r);
        var where = id is null ? index : $"subscriber {Excerpt.Quote(id)}";
        var ok = true;
        var emailOk = true;
        List<string> email = [];
        WebhookTarget? webhook = null;
        var digest = DigestSchedule.Immediate;
        var timeZone = TimeZoneInfo.Utc;
        var stories = StoryCopies.Group;
        foreach (var (key, _, value) in r.Entries(entry, where, Keys))
        {
            switch (key)
            {
                case "email":
                    email = ReadEmail(value, where, r, ref emailOk);
                    break;
                case "webhook":
                    webhook = ReadWebhook(value, where, r);
                    ok &= webhook is not null;
                    break;
                case "digest":
                    if (r.Text(value, $"the digest of {where}") is not { } text) ok = false;
                    else if (DigestSchedule.TryParse(text, out var schedule, out var error)) digest = schedule;
                    else Fail(r, value, $"{error} (in {where})", ref ok);
                    break;
                case "timezone":
                    timeZone = ReadTimeZone(value, where, r) ?? timeZone;
                    break;
                case "stories":
                    if (r.Choice<StoryCopies>(value, $"the stories of {where}") is { } copies) stories = copies;
                    else ok = false;
                    break;
            }
        }
        ok &= emailOk;
        if (emailOk && email.Count == 0 && !entry.Children.ContainsKey(new YamlScalarNode("webhook")))
            Fail(r, entry, $"{where} has neither email nor webhook", ref ok);
        if (id is null || !ok) return;
        _subscribers.Add(new() { Id = id, Email = email, Webhook = webhook, Digest = digest, TimeZone = timeZone, Stories = stories });
    }

    private static List<string> ReadEmail(YamlNode node, string where, ConfigNodeReader r, ref bool ok)
    {
        var addresses = new List<string>();
        if (r.List(node, $"the email of {where}") is not { } items)
        {
            ok = false;
            return addresses;
        }
        foreach (var item in items)
        {
            if (MailAddresses.IsValid(item.Value)) addresses.Add(item.Value);
            else
            {
                r.Diagnostics.Error(item.At, $"invalid email address {Excerpt.Quote(item.Value)} for {where}");
                ok = false;
            }
        }
        return addresses;
    }

    private static WebhookTarget? ReadWebhook(YamlNode node, string where, ConfigNodeReader r)
    {
        if (r.Mapping(node, $"the webhook of {where}") is not { } mapping) return null;
        var what = $"the webhook of {where}";
        Uri? url = null;
        List<string> secrets = [];
        var ok = true;
        foreach (var (key, keyNode, value) in r.Entries(mapping, what, WebhookKeys))
        {
            if (key == "url")
            {
                if (r.Text(value, $"the url of {what}") is not { } text) ok = false;
                else if (Urls.IsHttp(text, out var uri)) url = uri;
                else Fail(r, value, $"invalid URL {Excerpt.Quote(text)} for {what}: expected an http or https URL", ref ok);
                continue;
            }
            if (key == "secrets" && mapping.Children.ContainsKey(new YamlScalarNode("secret")))
                Fail(r, keyNode, $"{what} sets both 'secret' and 'secrets'; keep one", ref ok);
            if (r.List(value, $"the {key} of {what}") is not { } list)
            {
                ok = false;
                continue;
            }
            foreach (var secret in list)
            {
                // Never echo the value: secrets come from the environment and must not reach logs.
                if (IsSecret(secret.Value)) secrets.Add(secret.Value);
                else
                {
                    r.Diagnostics.Error(secret.At, $"invalid secret for {what}: expected '{SecretPrefix}' followed by base64");
                    ok = false;
                }
            }
        }
        if (!mapping.Children.ContainsKey(new YamlScalarNode("url"))) Fail(r, mapping, $"{what} has no url", ref ok);
        if (secrets.Count == 0 && ok) Fail(r, mapping, $"{what} has no secret; set 'secret' to a '{SecretPrefix}' key", ref ok);
        return ok && url is not null ? new WebhookTarget { Url = url, Secrets = secrets } : null;
    }

    private static bool IsSecret(string value)
    {
        if (!value.StartsWith(SecretPrefix, StringComparison.Ordinal) || value.Length == SecretPrefix.Length) return false;
        var key = value[SecretPrefix.Length..];
        return Convert.TryFromBase64String(key, new byte[key.Length], out var length) && length > 0;
    }

    private static TimeZoneInfo? ReadTimeZone(YamlNode node, string where, ConfigNodeReader r)
    {
        if (r.Text(node, $"the timezone of {where}") is not { } name) return null;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            r.Error(node, $"unknown time zone {Excerpt.Quote(name)} for {where}: expected an IANA name such as Europe/London or UTC");
            return null;
        }
    }

    private static void Fail(ConfigNodeReader r, YamlNode node, string message, ref bool ok)
    {
        r.Error(node, message);
        ok = false;
    }
}
