using Aggregator.Core.Query.Matching;
using Aggregator.Core.Query.Syntax;

namespace Aggregator.Core.Tests.Query;

/// <summary>Which terms make a rule a candidate: the ones expected to occur least often.</summary>
public sealed class AnchoringTests
{
    [Fact]
    public void A_term_many_rules_mention_loses_to_a_term_few_mention_even_when_longer()
    {
        var terms = new TermTableBuilder();
        var compiler = new RuleCompiler(terms);
        for (var i = 0; i < 5; i++) compiler.Compile(QueryParser.Parse($"government AND w{i}"));
        var rule = compiler.Compile(QueryParser.Parse("government AND troops"));
        var anchors = rule.Anchor(terms.Costs()).Slots.ShouldNotBeNull();
        anchors.ShouldBe(terms.Words(["troops", "troop"]));
    }

    [Fact]
    public void Among_terms_no_other_rule_mentions_the_longest_word_anchors()
    {
        var terms = new TermTableBuilder();
        var rule = new RuleCompiler(terms).Compile(QueryParser.Parse("\"at the harbour\" AND war"));
        rule.Anchor(terms.Costs()).Slots.ShouldBe([terms.Word("harbour")]);
    }

    [Fact]
    public void An_or_needs_every_branch_and_a_not_has_no_anchor()
    {
        var terms = new TermTableBuilder();
        var compiler = new RuleCompiler(terms);
        var or = compiler.Compile(QueryParser.Parse("troops OR border"));
        or.Anchor(terms.Costs()).Slots.ShouldBe(terms.Words(["troops", "troop", "border", "borders"]), ignoreOrder: true);
        compiler.Compile(QueryParser.Parse("troops -border")).Anchor(terms.Costs()).Slots.ShouldBe(terms.Words(["troops", "troop"]));
        compiler.Compile(QueryParser.Parse("NOT troops")).Anchor(terms.Costs()).IsNone.ShouldBeTrue();
        compiler.Compile(QueryParser.Parse("border OR -army")).Anchor(terms.Costs()).IsNone.ShouldBeTrue();
    }
}
