namespace Aggregator.Core.Opml;

/// <summary>Hands out ids not yet taken, numbering repeats "-2", "-3"… within the length ids are cut to.</summary>
internal sealed class UniqueIds
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public void Reserve(string id) => _taken.Add(id);

    public string Claim(string wanted)
    {
        if (_taken.Add(wanted)) return wanted;
        for (var n = 2; ; n++)
        {
            var suffix = "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var id = Slugs.Cut(wanted, Slugs.MaxLength - suffix.Length) + suffix;
            if (_taken.Add(id)) return id;
        }
    }
}
