using System.Buffers.Text;
using System.Text;
using Aggregator.Core.Links;

namespace Aggregator.Core.Tests.Links;

public sealed class LinkSealTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef-test-secret";
    private static readonly LinkGrant Grant = new(LinkKind.Unsubscribe, "desk", "border", "ann@example.org");

    [Fact]
    public void A_sealed_grant_opens_to_itself_and_the_same_grant_always_seals_the_same()
    {
        var seal = new LinkSeal(Secret);
        var token = seal.Seal(Grant);

        seal.Open(token).ShouldBe(Grant);
        new LinkSeal(Secret).Seal(Grant).ShouldBe(token, "a resent message must be byte for byte the same");
        seal.Seal(Grant with { RuleId = "ports" }).ShouldNotBe(token);
        var alert = new LinkGrant(LinkKind.Alert, "desk", "border", null, "a-123", "https://news.example.org/a?x=1&y=2");
        seal.Open(seal.Seal(alert)).ShouldBe(alert);
    }

    [Fact]
    public void A_token_shows_no_address_or_id_in_clear()
    {
        var token = new LinkSeal(Secret).Seal(Grant);
        var bytes = Encoding.Latin1.GetString(Base64Url.DecodeFromChars(token.AsSpan(3)));

        token.ShouldNotContain("desk");
        bytes.ShouldNotContain("ann@example.org");
        bytes.ShouldNotContain("border");
    }

    [Fact]
    public void Every_altered_token_and_a_token_of_another_deployment_open_to_nothing()
    {
        var seal = new LinkSeal(Secret);
        var token = seal.Seal(Grant);

        for (var i = 3; i < token.Length; i++)
        {
            var altered = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            seal.Open(altered).ShouldBeNull($"altered at {i}");
        }
        new LinkSeal(Secret + "-other").Open(token).ShouldBeNull("another secret, another deployment");
        seal.Open(token[..^1]).ShouldBeNull();
        seal.Open("v1.").ShouldBeNull();
        seal.Open("v1.!!!").ShouldBeNull();
        seal.Open("v2." + token[3..]).ShouldBeNull();
        seal.Open(new string('A', 10_000)).ShouldBeNull();
    }
}
