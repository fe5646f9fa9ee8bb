namespace Aggregator.Delivery.Email;

/// <summary>A recipient the SMTP server refused at RCPT TO, with its answer; 4xx is temporary, anything else final.</summary>
internal sealed record RefusedRecipient(string Address, int Code, string Response)
{
    public bool IsTemporary => Code is >= 400 and < 500;

    public override string ToString() => $"{Address} ({Code} {Response.Trim()})";
}
