using System.Text.RegularExpressions;

namespace Escalation.Core.Cases;

/// <summary>
/// A customer correcting themselves mid-message ("€99 on 14 May, sorry, I meant 14 November", "quise decir 49 €",
/// "Entschuldigung, es war der 4. Oktober"): the date or sum told right after the correction replaces the one before it.
/// </summary>
public static partial class SelfCorrection
{
    /// <summary>Whether the text at <paramref name="start"/> directly follows a correction ("I meant", "ich meinte" …), at most four short words after it.</summary>
    public static bool Follows(string text, int start)
    {
        var from = Math.Max(0, start - 60);
        foreach (Match m in Marker().Matches(text[from..start]))
        {
            if (Filler().IsMatch(text[(from + m.Index + m.Length)..start]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the text at <paramref name="start"/> is a sum or date said not to be it: "€69, not €79", "98 €, não 89 €".</summary>
    public static bool Denied(string text, int start) =>
        NotBefore().IsMatch(text.AsSpan(Math.Max(0, start - 8), Math.Min(8, start)));

    [GeneratedRegex(@"\b(not|nicht|pas|n[ãa]o|no|non|niet)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex NotBefore();

    // One family per covered language: "I meant", "correction:", "sorry, it was" and their equivalents.
    [GeneratedRegex(@"\b(?:i meant(?: to (?:say|write))?|i mean|correction|that should (?:be|read|have been)|(?:sorry|oops),? (?:it was|it's|that's)|quise decir|quer[íi]a decir|quiero decir|corrijo|me equivoqu[ée],? (?:es|era|fue)|perd[óo]n,? (?:es|era|fue)|ich meinte|ich meine|gemeint (?:ist|war)|korrektur|(?:sorry|entschuldigung|pardon),? es war|vertippt,? es (?:war|ist)|je voulais dire|je veux dire|rectification|(?:pardon|d[ée]sol[ée]e?),? c'?[ée]tait|je me suis tromp[ée]e?,? c'?(?:[ée]tait|est)|quis dizer|queria dizer|quero dizer|corre[çc][ãa]o|desculp\w*,? (?:foi|era)|me enganei,? (?:foi|era|é)|volevo dire|intendevo|correzione|scusa(?:te)?,? (?:era|è)|mi sono sbagliat[oa],? (?:era|è)|ik bedoelde|ik bedoel|bedoel ik|correctie|sorry,? het was|ik vergiste me,? het was)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Marker();

    // What may stand between the correction and the fact: punctuation and at most four short words ("the", "der", "le", "the
    // charge was", "o valor era").
    [GeneratedRegex(@"^[\s,:;\-–—""'“”«»]*(?:\p{L}{1,7}[\s,]+){0,4}$")]
    private static partial Regex Filler();
}
