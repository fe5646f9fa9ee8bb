namespace Aggregator.Core.Stories;

/// <summary>Why two items were judged the same news story, or <see cref="None"/> when they were not.</summary>
public enum StoryMatch
{
    None = 0,

    /// <summary>The same canonical link, and their text does not contradict it.</summary>
    Link = 1,

    /// <summary>The same informative title once case, diacritics, punctuation and a publisher suffix are set aside.</summary>
    Title = 2,

    /// <summary>Near-identical title and lead by MinHash similarity.</summary>
    Text = 3,
}
