using MimeKit;

namespace Aggregator.Configuration;

internal static class MailAddresses
{
    /// <summary>An address MimeKit can send to: <c>a@b.org</c> or <c>Name &lt;a@b.org&gt;</c>, with a domain.</summary>
    public static bool IsValid(string text)
    {
        // MimeKit accepts a bare local part ("ops") as a mailbox; a recipient without a domain is a typo here.
        return MailboxAddress.TryParse(text, out var mailbox)
            && mailbox.Address.IndexOf('@', StringComparison.Ordinal) is var at and > 0
            && at < mailbox.Address.Length - 1;
    }
}
