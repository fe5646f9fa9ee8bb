namespace Aggregator.Core.Query.Matching;

/// <summary>What <c>feed:</c> matches: the feed's id and its title, each a value of its own (a phrase never spans the two).</summary>
internal readonly record struct FeedIdentity(string Id, string? Title)
{
    /// <summary>Built when a rule looks in <c>feed:</c>, so items of rules that do not pay nothing for it.</summary>
    public IReadOnlyList<string> Values => string.IsNullOrWhiteSpace(Title) || Title == Id ? [Id] : [Id, Title];
}
