using Aggregator.Core.Items;

namespace Aggregator.Core.Tests.Items;

public sealed class ItemIdentityTests
{
    private static FeedItem Item(string? id, string? link, string title, string content = "") =>
        new(string.Empty, id, title, link, null, null, string.Empty, content, [], []);

    [Theory]
    [InlineData("guid-1", "https://x/1", "t", "guid-1")]
    [InlineData("  guid-2 ", "https://x/1", "t", "guid-2")]
    [InlineData(null, "https://x/1", "t", "https://x/1")]
    [InlineData("", " https://x/2 ", "t", "https://x/2")]
    public void Base_key_prefers_id_then_link(string? id, string? link, string title, string expected)
    {
        ItemIdentity.BaseKey(id, link, title, "c").ShouldBe(expected);
    }

    [Fact]
    public void Without_id_or_link_the_key_is_a_sha256_of_title_and_content()
    {
        var key = ItemIdentity.BaseKey(null, null, "Title", "Body");

        key.ShouldStartWith("sha256:");
        key.Length.ShouldBe("sha256:".Length + 64);
        key.ShouldBe(ItemIdentity.BaseKey(null, "  ", "Title", "Body"));
        key.ShouldNotBe(ItemIdentity.BaseKey(null, null, "Title", "Body2"));
        // The separator keeps the boundary between title and content significant.
        ItemIdentity.BaseKey(null, null, "ab", "c").ShouldNotBe(ItemIdentity.BaseKey(null, null, "a", "bc"));
    }

    [Fact]
    public void Unique_keys_are_left_as_they_are()
    {
        var keyed = ItemIdentity.AssignKeys([Item("a", null, "A"), Item(null, "https://x/b", "B")]);

        keyed.Select(i => i.Key).ShouldBe(["a", "https://x/b"]);
    }

    [Fact]
    public void Duplicate_guids_with_different_content_get_distinct_stable_keys()
    {
        FeedItem[] poll = [Item("dup", "https://x/1", "First story"), Item("dup", "https://x/2", "Second story"), Item("u", null, "U")];

        var keys = ItemIdentity.AssignKeys(poll).Select(i => i.Key).ToList();
        var again = ItemIdentity.AssignKeys(poll.Reverse().ToArray()).Select(i => i.Key).Reverse().ToList();

        keys.Distinct().Count().ShouldBe(3);
        keys[0].ShouldStartWith("dup#");
        keys[1].ShouldStartWith("dup#");
        keys[2].ShouldBe("u");
        again.ShouldBe(keys, "a re-poll in another order must give every item the same key");
    }

    [Fact]
    public void Identical_duplicates_are_numbered_in_document_order()
    {
        var keys = ItemIdentity.AssignKeys([Item("d", "l", "same"), Item("d", "l", "same"), Item("d", "l", "same")])
            .Select(i => i.Key).ToList();

        keys.Distinct().Count().ShouldBe(3);
        keys[1].ShouldBe(keys[0] + "#2");
        keys[2].ShouldBe(keys[0] + "#3");
    }

    [Fact]
    public void A_link_equal_to_another_items_guid_is_told_apart()
    {
        var keys = ItemIdentity.AssignKeys([Item("https://x/1", null, "A"), Item(null, "https://x/1", "B")])
            .Select(i => i.Key).ToList();

        keys.Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public void Other_fields_are_kept()
    {
        var item = Item("k", "https://x/1", "T", "C") with { Authors = ["a"], Categories = ["c"] };

        var keyed = ItemIdentity.AssignKeys([item]).ShouldHaveSingleItem();

        keyed.ShouldBe(item with { Key = "k" });
    }

    [Fact]
    public void The_fingerprint_is_the_suffix_a_colliding_item_gets()
    {
        FeedItem[] poll = [Item("g", "https://x/1", "First story", "Body one"), Item("g", "https://x/1", "Second story", "Body two")];

        var keyed = ItemIdentity.AssignKeys(poll);

        keyed[0].Key.ShouldBe("g#" + ItemIdentity.Fingerprint(poll[0]));
        keyed[1].Key.ShouldBe("g#" + ItemIdentity.Fingerprint(poll[1]));
        ItemIdentity.Fingerprint(poll[0]).Length.ShouldBe(12);
        ItemIdentity.Fingerprint(poll[0]).ShouldMatch("^[0-9a-f]{12}$");
        ItemIdentity.Fingerprint(keyed[0]).ShouldBe(ItemIdentity.Fingerprint(poll[0]), "the key itself is not part of the fingerprint");
        ItemIdentity.BaseKey(keyed[1]).ShouldBe("g");
    }

    [Fact]
    public void The_fingerprint_changes_with_each_field_it_covers()
    {
        var item = Item("g", "https://x/1", "Title", "Content") with { Summary = "Summary" };
        var fingerprint = ItemIdentity.Fingerprint(item);

        ItemIdentity.Fingerprint(item with { Title = "Other" }).ShouldNotBe(fingerprint);
        ItemIdentity.Fingerprint(item with { Link = "https://x/2" }).ShouldNotBe(fingerprint);
        ItemIdentity.Fingerprint(item with { Summary = "Other" }).ShouldNotBe(fingerprint);
        ItemIdentity.Fingerprint(item with { Content = "Other" }).ShouldNotBe(fingerprint);
        ItemIdentity.Fingerprint(item with { Id = "h", Authors = ["a"] }).ShouldBe(fingerprint);
    }
}
