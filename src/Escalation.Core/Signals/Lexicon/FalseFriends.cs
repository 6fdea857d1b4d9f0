namespace Escalation.Core.Signals.Lexicon;

/// <summary>
/// Words that carry an English valence or flag but are everyday words in another covered language: German "die" (the),
/// "war" (was), "Kind" (child), "fast" (almost), "hell" (bright), "dick" (thick), "Lied" (song); Dutch "die" (that),
/// "bad" (bath), "kind" (child), "hoe" (how), "af" (off, done: "hangt af van"), "worst" (sausage); French "pain"
/// (bread), "sort" (fate), "retard" (delay: "deux semaines de retard"). Every language's text is read with the English
/// valences and phrases, so "Die Seite war gestern nicht erreichbar" would read as "die … war" (≈ −0.9, −2.9) and a
/// late French parcel as an insult. When a message has another function word of that language ("ist", "het", "le"…),
/// these words get no valence and match no phrase on their own.
/// </summary>
internal static class FalseFriends
{
    private const int MinFunctionWords = 1;

    private static readonly (HashSet<string> Friends, HashSet<string> FunctionWords)[] Languages =
    [
        // German
        (Set("die", "war", "kind", "fast", "hell", "dick", "lied"),
         Set("der", "das", "und", "ist", "nicht", "ich", "wir", "sie", "ein", "eine", "einen", "mit", "auf", "fur", "von", "zu", "dem", "den",
             "es", "auch", "noch", "bei", "seit", "wurde", "habe", "haben", "sind", "kann", "bitte", "uns", "mein", "meine", "ihr", "ihre", "wieder", "gestern", "danke")),
        // Dutch
        (Set("die", "bad", "kind", "hoe", "af", "worst", "lied"),
         Set("de", "het", "een", "en", "niet", "ik", "wij", "jullie", "van", "met", "voor", "dat", "nog", "geen", "maar", "zijn", "heb",
             "hebben", "kan", "graag", "mijn", "onze", "uw", "ook", "wel", "weer", "gisteren", "bedankt")),
        // French
        (Set("pain", "sort", "retard"),
         Set("le", "la", "les", "des", "du", "et", "est", "je", "nous", "vous", "pas", "une", "avec", "pour", "dans", "sur", "mon", "ma", "mes",
             "votre", "vos", "ce", "qui", "que", "il", "elle", "merci")),
    ];

    /// <summary>Which tokens are false friends of a language the message is written in.</summary>
    public static bool[] Mark(List<Token> tokens)
    {
        var marks = new bool[tokens.Count];
        foreach (var (friends, functionWords) in Languages)
        {
            var hasFriend = false;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var t in tokens)
            {
                if (friends.Contains(t.Word))
                {
                    hasFriend = true;
                }
                else if (functionWords.Contains(t.Word))
                {
                    seen.Add(t.Word);
                }
            }

            if (!hasFriend || seen.Count < MinFunctionWords)
            {
                continue;
            }

            for (var i = 0; i < tokens.Count; i++)
            {
                marks[i] |= friends.Contains(tokens[i].Word);
            }
        }

        return marks;
    }

    /// <summary>True when every word of the match is a false friend: the phrase was not meant.</summary>
    public static bool Only(PhraseMatch match, bool[] marks)
    {
        for (var k = match.First; k <= match.Last; k++)
        {
            if (!marks[k])
            {
                return false;
            }
        }

        return true;
    }

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);
}
