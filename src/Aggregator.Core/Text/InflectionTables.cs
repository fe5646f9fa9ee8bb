using System.Collections.Frozen;

namespace Aggregator.Core.Text;

/// <summary>The words <see cref="Inflection"/> knows by name rather than by rule. All folded (lower case, no diacritics).</summary>
internal static class InflectionTables
{
    /// <summary>Words that stand as they are: uncountable nouns and words that only look plural.</summary>
    public static FrozenSet<string> Invariable { get; } = FrozenSet.Create(StringComparer.Ordinal,
    [
        // Uncountable, or the same in both numbers.
        "news", "series", "species", "means", "sheep", "fish", "deer", "moose", "swine", "bison", "salmon", "trout",
        "aircraft", "spacecraft", "hovercraft", "watercraft", "offspring", "headquarters", "crossroads", "barracks",
        "whereabouts", "equipment", "information", "furniture", "luggage", "baggage", "advice", "evidence",
        "software", "hardware", "research", "rice", "police", "media", "kudos", "chassis", "corps",
        "mathematics", "physics", "economics", "politics", "athletics", "ethics", "gymnastics", "linguistics",
        "genetics", "electronics", "logistics", "aerobics", "measles", "mumps", "rabies", "diabetes", "herpes",
        "billiards", "scissors", "trousers", "pants", "jeans", "pajamas", "pyjamas", "clothes", "thanks",
        // Function words and others ending in s that are no plural.
        "is", "was", "has", "his", "hers", "its", "this", "thus", "us", "as", "yes", "does", "goes", "always",
        "perhaps", "whereas", "unless", "less", "besides", "towards", "afterwards", "sometimes", "nevertheless",
        "regardless", "versus", "plus", "minus", "ours", "yours", "theirs", "overseas", "alas", "christmas",
    ]);

    /// <summary>
    /// Singular nouns and names ending in s that the rules would read as plurals (hamas is no plural of hama, nor
    /// isis of isi), with their plural where English has one.
    /// </summary>
    public static FrozenDictionary<string, string?> SingularInS { get; } = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["bias"] = "biases", ["alias"] = "aliases", ["atlas"] = "atlases", ["canvas"] = "canvases", ["gas"] = "gases",
        ["bus"] = "buses", ["lens"] = "lenses", ["chaos"] = null, ["ethos"] = null, ["pathos"] = null, ["cosmos"] = null,
        ["pancreas"] = null, ["iris"] = "irises", ["tennis"] = null,
        ["paris"] = null, ["texas"] = null, ["kansas"] = null, ["arkansas"] = null, ["hamas"] = null, ["isis"] = null,
        ["wales"] = null, ["athens"] = null, ["brussels"] = null, ["dallas"] = null, ["caracas"] = null,
        ["vegas"] = null, ["honduras"] = null, ["laos"] = null, ["barbados"] = null, ["illinois"] = null,
        ["thomas"] = null, ["nicholas"] = null, ["douglas"] = null, ["lucas"] = null, ["marcos"] = null,
        ["carlos"] = null, ["james"] = null, ["charles"] = null, ["jones"] = null, ["moses"] = null,
        ["mercedes"] = null, ["hermes"] = null, ["los"] = null, ["las"] = null, ["des"] = null, ["les"] = null,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The plurals of <see cref="SingularInS"/>, to their singular.</summary>
    public static FrozenDictionary<string, string> PluralOfSingularInS { get; } = SingularInS
        .Where(pair => pair.Value is not null)
        .ToFrozenDictionary(pair => pair.Value!, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>Nouns ending in "che", whose plural drops only the s (aches → ache, not ach).</summary>
    public static FrozenSet<string> NounsInChe { get; } = FrozenSet.Create(StringComparer.Ordinal,
    [
        "ache", "headache", "toothache", "cache", "niche", "avalanche", "cliche", "moustache", "mustache", "psyche",
        "quiche", "creche", "microfiche", "attache", "douche", "panache", "tranche", "brioche", "cloche",
    ]);

    /// <summary>
    /// Irregular plurals, each group a singular and its plurals. Any word of a group stands for all of them.
    /// </summary>
    private static readonly string[][] IrregularGroups =
    [
        // Vowel change and -en.
        ["man", "men"], ["woman", "women"], ["child", "children"], ["grandchild", "grandchildren"],
        ["schoolchild", "schoolchildren"], ["stepchild", "stepchildren"], ["person", "people", "persons"],
        ["mouse", "mice"], ["louse", "lice"], ["goose", "geese"], ["foot", "feet"], ["tooth", "teeth"], ["ox", "oxen"],
        ["die", "dice", "dies"], ["penny", "pence", "pennies"],
        // f and fe → ves.
        ["knife", "knives"], ["penknife", "penknives"], ["wife", "wives"], ["midwife", "midwives"],
        ["housewife", "housewives"], ["life", "lives"], ["leaf", "leaves"], ["loaf", "loaves"], ["half", "halves"],
        ["calf", "calves"], ["shelf", "shelves"], ["self", "selves"], ["wolf", "wolves"], ["elf", "elves"],
        ["thief", "thieves"], ["sheaf", "sheaves"], ["scarf", "scarves", "scarfs"], ["wharf", "wharves", "wharfs"],
        ["hoof", "hooves", "hoofs"], ["dwarf", "dwarves", "dwarfs"],
        // Greek -is → -es.
        ["crisis", "crises"], ["analysis", "analyses"], ["thesis", "theses"], ["hypothesis", "hypotheses"],
        ["basis", "bases"], ["axis", "axes"], ["diagnosis", "diagnoses"], ["prognosis", "prognoses"],
        ["synopsis", "synopses"], ["synthesis", "syntheses"], ["oasis", "oases"], ["emphasis", "emphases"],
        ["parenthesis", "parentheses"], ["ellipsis", "ellipses"], ["paralysis", "paralyses"], ["neurosis", "neuroses"],
        ["psychosis", "psychoses"], ["metamorphosis", "metamorphoses"], ["antithesis", "antitheses"],
        ["dialysis", "dialyses"], ["nemesis", "nemeses"],
        // Latin and Greek.
        ["criterion", "criteria"], ["phenomenon", "phenomena"], ["datum", "data"], ["curriculum", "curricula", "curriculums"],
        ["memorandum", "memoranda", "memorandums"], ["bacterium", "bacteria"], ["stratum", "strata"],
        ["referendum", "referendums", "referenda"], ["symposium", "symposia", "symposiums"],
        ["millennium", "millennia", "millenniums"], ["stadium", "stadiums", "stadia"], ["medium", "mediums"],
        ["index", "indexes", "indices"], ["matrix", "matrices", "matrixes"], ["appendix", "appendices", "appendixes"],
        ["vertex", "vertices"], ["vortex", "vortices", "vortexes"], ["cactus", "cacti", "cactuses"],
        ["fungus", "fungi", "funguses"], ["nucleus", "nuclei"], ["radius", "radii"], ["stimulus", "stimuli"],
        ["alumnus", "alumni"], ["syllabus", "syllabi", "syllabuses"], ["focus", "foci", "focuses"],
        ["octopus", "octopuses", "octopi"], ["genus", "genera"], ["corpus", "corpora", "corpuses"],
        ["bureau", "bureaus", "bureaux"], ["plateau", "plateaus", "plateaux"], ["chateau", "chateaux", "chateaus"],
        // Plurals the rules would misread, and words too short for them.
        ["quiz", "quizzes"], ["ad", "ads"],
    ];

    /// <summary>Each word of <see cref="IrregularGroups"/> to its whole group.</summary>
    public static FrozenDictionary<string, string[]> Irregular { get; } = IrregularGroups
        .SelectMany(group => group.Select(word => (word, group)))
        .ToFrozenDictionary(pair => pair.word, pair => pair.group, StringComparer.Ordinal);
}
