using System.Text.RegularExpressions;

namespace Aggregator.Core.Query.Syntax;

internal sealed record RegexNode(string Pattern, Regex Regex, int Column) : QueryNode(Column);
