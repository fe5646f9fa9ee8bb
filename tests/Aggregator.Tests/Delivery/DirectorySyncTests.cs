using Aggregator.Delivery.Email;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Delivery;

public sealed class DirectorySyncTests
{
    [Fact]
    public void A_directory_is_flushed_and_a_missing_one_is_an_io_error_naming_it()
    {
        using var work = new TempDirectory();

        Should.NotThrow(() => DirectorySync.Flush(work.Path));
        var missing = work.Combine("gone");
        Should.Throw<IOException>(() => DirectorySync.Flush(missing)).Message.ShouldContain(missing);
    }
}
