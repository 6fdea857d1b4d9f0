using System.Text;

namespace Escalation.Core.Signals.Lexicon;

/// <summary>
/// Lower case without diacritics ("Rückbuchung" → "ruckbuchung", "démandaré" → "demandare"), so a lexicon
/// phrase matches whether or not the writer typed the accents. Only Latin-1 and Latin Extended-A letters are
/// folded; everything else is lower-cased as it is.
/// </summary>
internal static class TextFold
{
    public static void Append(StringBuilder sb, char ch)
    {
        var c = char.ToLowerInvariant(ch);
        if (c < '\u00c0')
        {
            sb.Append(c);
            return;
        }

        switch (c)
        {
            case 'ß':
                sb.Append("ss");
                return;
            case 'æ':
                sb.Append("ae");
                return;
            case 'œ':
                sb.Append("oe");
                return;
        }

        sb.Append(Base(c));
    }

    /// <summary>The folded form of a whole word (lexicon phrases are folded the same way when loaded).</summary>
    public static string Word(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var ch in word)
        {
            Append(sb, ch);
        }

        return sb.ToString();
    }

    private static char Base(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'ā' or 'ă' or 'ą' => 'a',
        'ç' or 'ć' or 'č' => 'c',
        'è' or 'é' or 'ê' or 'ë' or 'ē' or 'ė' or 'ę' or 'ě' => 'e',
        'ì' or 'í' or 'î' or 'ï' or 'ī' or 'į' => 'i',
        'ñ' or 'ń' or 'ň' => 'n',
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' or 'ō' or 'ő' => 'o',
        'ù' or 'ú' or 'û' or 'ü' or 'ū' or 'ů' or 'ű' => 'u',
        'ý' or 'ÿ' => 'y',
        'š' or 'ś' => 's',
        'ž' or 'ź' or 'ż' => 'z',
        'ł' => 'l',
        _ => c,
    };
}
