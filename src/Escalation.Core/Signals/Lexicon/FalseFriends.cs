namespace Escalation.Core.Signals.Lexicon;

/// <summary>
/// Words that carry an English valence but are everyday words in another covered language: German "die" (the),
/// "war" (was), "Kind" (child), "fast" (almost), "hell" (bright); Dutch "die" (that), "bad" (bath), "kind" (child);
/// French "pain" (bread), "sort" (fate). Every language's text is read with the English valences, so "Die Seite war
/// gestern nicht erreichbar" would read as "die … war" (≈ −0.9, −2.9). When a message has another function word of
/// that language ("ist", "het", "le"…), these words get no valence.
/// </summary>
internal static class FalseFriends
{
    private const int MinFunctionWords = 1;

    private static readonly (HashSet<string> Friends, HashSet<string> FunctionWords)[] Languages =
    [
        // German
        (Set("die", "war", "kind", "fast", "hell"),
         Set("der", "das", "und", "ist", "nicht", "ich", "wir", "sie", "ein", "eine", "einen", "mit", "auf", "fur", "von", "zu", "dem", "den",
             "es", "auch", "noch", "bei", "seit", "wurde", "habe", "haben", "sind", "kann", "bitte", "uns", "mein", "meine", "ihr", "ihre", "wieder", "gestern", "danke")),
        // Dutch
        (Set("die", "bad", "kind"),
         Set("de", "het", "een", "en", "niet", "ik", "wij", "jullie", "van", "met", "voor", "dat", "nog", "geen", "maar", "zijn", "heb",
             "hebben", "kan", "graag", "mijn", "onze", "uw", "ook", "wel", "weer", "gisteren", "bedankt")),
        // French
        (Set("pain", "sort"),
         Set("le", "la", "les", "des", "du", "et", "est", "je", "nous", "vous", "pas", "une", "avec", "pour", "dans", "sur", "mon", "ma", "mes",
             "votre", "vos", "ce", "qui", "que", "il", "elle", "merci")),
    ];

    /// <summary>Marks each false friend of a language the message is written in as covered, so it gets no English valence.</summary>
    public static void Cover(List<Token> tokens, bool[] covered)
    {
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
                if (friends.Contains(tokens[i].Word))
                {
                    covered[i] = true;
                }
            }
        }
    }

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);
}
