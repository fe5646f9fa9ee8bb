using Aggregator.Configuration;
using Aggregator.Fetching;

namespace Aggregator.Tests.Fetching;

public sealed class FetchOptionsValidationTests
{
    [Fact]
    public void The_defaults_are_valid() =>
        FetchOptionsValidation.Validate(new PollingOptions(), new NetworkOptions()).ShouldBeEmpty();

    [Fact]
    public void Every_problem_is_listed()
    {
        var polling = new PollingOptions { Timeout = TimeSpan.Zero, MaxBodySize = 0, MaxRedirects = -1, PerHostConcurrency = 0 };
        var network = new NetworkOptions { AllowedPrivateNetworks = ["10.0.0.0/99"] };

        var errors = FetchOptionsValidation.Validate(polling, network);

        errors.Count.ShouldBe(5);
        errors.ShouldContain(e => e.StartsWith("polling.timeout:", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("polling.maxBodySize:", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("polling.maxRedirects:", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("polling.perHostConcurrency:", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("network.allowedPrivateNetworks:", StringComparison.Ordinal));
    }
}
