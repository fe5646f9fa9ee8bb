using Aggregator.Core.Stories;
using Aggregator.Storage;

namespace Aggregator.Tests.Storage;

/// <summary>Prints as the store reads them back.</summary>
public sealed class StoredStoriesTests
{
    [Fact]
    public void A_print_written_by_another_version_reads_as_no_story_rather_than_failing_the_commit()
    {
        var print = StoryPrint.Of("Troops gather near the northern border as talks stall", "https://wire.example.org/a", "Soldiers moved overnight.");
        var stored = print.ToBytes();

        StoredStories.Read(stored).ShouldBe(print);
        StoredStories.Read([99, .. stored.AsSpan(1)]).ShouldBeNull("an unknown version byte");
        StoredStories.Read([]).ShouldBeNull();
    }
}
