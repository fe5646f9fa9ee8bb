using Aggregator.Core.Alerts;
using Aggregator.Core.Stories;

namespace Aggregator.Storage;

/// <summary>
/// An item recorded as a copy of a story the subscriber was alerted for by that rule: <see cref="CopyAlertId"/> is the
/// alert it would have been, <see cref="StoryAlertId"/> the story's alert, <see cref="MatchedBy"/> what made it the same story.
/// </summary>
internal sealed record StoryCopy(string SubscriberId, string RuleId, string StoryAlertId, string CopyAlertId, StorySource Source, StoryMatch MatchedBy);
