namespace Aggregator.Configuration;

/// <summary>One entry of <c>rules</c>.</summary>
internal sealed record RuleConfig
{
    public required string Id { get; init; }
    public required string Query { get; init; }

    /// <summary>Feed ids and <c>tag:</c> references as written; empty means every feed.</summary>
    public IReadOnlyList<string> Feeds { get; init; } = [];

    /// <summary>Subscriber ids.</summary>
    public IReadOnlyList<string> Notify { get; init; } = [];

    /// <summary>A disabled rule stays in the files and the console but matches nothing.</summary>
    public bool Enabled { get; init; } = true;
}
