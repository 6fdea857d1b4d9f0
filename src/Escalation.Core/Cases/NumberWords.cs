namespace Escalation.Core.Cases;

/// <summary>
/// Reads a number written in words in English, Spanish, German, French, Portuguese, Italian or Dutch ("two
/// thousand", "dos mil", "zweitausendfünfhundert", "quatre-vingt-dix", "duemila", "tweeduizend"). A word is cut
/// into known pieces, longest first, so German, Italian and Dutch compounds need no list of their own.
/// </summary>
internal static class NumberWords
{
    private enum Kind { Unit, Hundred, Thousand, Million, Joiner }

    private static readonly Dictionary<string, (Kind Kind, int Value)> Pieces = Build();
    private static readonly int Longest = Pieces.Keys.Max(k => k.Length);

    /// <summary>The pieces of one word (folded, hyphens removed), or null when some part is not a number piece.</summary>
    public static List<(int Kind, int Value)>? Split(string word)
    {
        var folded = Fold(word);
        if (folded.Length == 0)
        {
            return null;
        }

        if (Pieces.TryGetValue(folded, out var whole))
        {
            return [((int)whole.Kind, whole.Value)];
        }

        var parts = new List<(int, int)>();
        var at = 0;
        while (at < folded.Length)
        {
            var found = false;
            for (var len = Math.Min(Longest, folded.Length - at); len >= 2; len--)
            {
                if (Pieces.TryGetValue(folded.Substring(at, len), out var p))
                {
                    parts.Add(((int)p.Kind, p.Value));
                    at += len;
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return null;
            }
        }

        return parts;
    }

    /// <summary>True for a word that only joins number words ("and", "y", "und", "et", "e", "en").</summary>
    public static bool IsJoiner(string word) => Pieces.TryGetValue(Fold(word), out var p) && p.Kind == Kind.Joiner;

    /// <summary>The value of pieces read in order; <paramref name="start"/> is a leading figure ("2 mil" → 2).</summary>
    public static decimal? Value(IEnumerable<(int Kind, int Value)> pieces, decimal start = 0)
    {
        decimal total = 0, current = start;
        var any = start > 0;
        foreach (var (kind, value) in pieces)
        {
            switch ((Kind)kind)
            {
                case Kind.Unit:
                    current += value;
                    any = true;
                    break;
                case Kind.Hundred:
                    current = (current == 0 ? 1 : current) * 100;
                    any = true;
                    break;
                case Kind.Thousand:
                    total += (current == 0 ? 1 : current) * 1000;
                    current = 0;
                    any = true;
                    break;
                case Kind.Million:
                    total += (current == 0 ? 1 : current) * 1_000_000;
                    current = 0;
                    any = true;
                    break;
            }
        }

        return any && total + current > 0 ? total + current : null;
    }

    // The signal lexicon's folding (no accents, lower case); it needs no ICU, which the invariant build lacks.
    private static string Fold(string word) =>
        Signals.Lexicon.TextFold.Word(word).Replace("-", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);

    private static Dictionary<string, (Kind, int)> Build()
    {
        var d = new Dictionary<string, (Kind, int)>(StringComparer.Ordinal);
        void Units(int value, params string[] words)
        {
            foreach (var w in words)
            {
                d[w] = (Kind.Unit, value);
            }
        }

        Units(1, "one", "un", "uno", "una", "ein", "eins", "eine", "einen", "une", "um", "uma", "een");
        Units(2, "two", "dos", "zwei", "deux", "dois", "duas", "due", "twee");
        Units(3, "three", "tres", "drei", "trois", "tre", "drie");
        Units(4, "four", "cuatro", "vier", "quatre", "quatro", "quattro");
        Units(5, "five", "cinco", "funf", "cinq", "cinque", "vijf");
        Units(6, "six", "seis", "sechs", "sei", "zes");
        Units(7, "seven", "siete", "sieben", "sept", "sete", "sette", "zeven");
        Units(8, "eight", "ocho", "acht", "huit", "oito", "otto");
        Units(9, "nine", "nueve", "neun", "neuf", "nove", "negen");
        Units(10, "ten", "diez", "dieci", "zehn", "dix", "dez", "tien");
        Units(11, "eleven", "once", "elf", "onze", "undici");
        Units(12, "twelve", "doce", "zwolf", "douze", "doze", "dodici", "twaalf");
        Units(13, "thirteen", "trece", "dreizehn", "treize", "treze", "tredici", "dertien");
        Units(14, "fourteen", "catorce", "vierzehn", "quatorze", "catorze", "quattordici", "veertien");
        Units(15, "fifteen", "quince", "funfzehn", "quinze", "quindici", "vijftien");
        Units(16, "sixteen", "sechzehn", "seize", "dezesseis", "dezasseis", "sedici", "zestien");
        Units(17, "seventeen", "siebzehn", "dezessete", "dezassete", "diciassette", "zeventien");
        Units(18, "eighteen", "achtzehn", "dezoito", "diciotto", "achttien");
        Units(19, "nineteen", "neunzehn", "dezenove", "dezanove", "diciannove", "negentien");
        Units(20, "twenty", "veinte", "veinti", "zwanzig", "vingt", "vingts", "vinte", "venti", "vent", "twintig");
        Units(30, "thirty", "treinta", "dreissig", "trente", "trinta", "trenta", "trent", "dertig");
        Units(40, "forty", "cuarenta", "vierzig", "quarante", "quarenta", "quaranta", "quarant", "veertig");
        Units(50, "fifty", "cincuenta", "funfzig", "cinquante", "cinquenta", "cinquanta", "cinquant", "vijftig");
        Units(60, "sixty", "sesenta", "sechzig", "soixante", "sessenta", "sessanta", "sessant", "zestig");
        Units(70, "seventy", "setenta", "siebzig", "septante", "settanta", "settant", "zeventig");
        Units(80, "eighty", "ochenta", "achtzig", "quatrevingt", "quatrevingts", "huitante", "oitenta", "ottanta", "ottant", "tachtig");
        Units(90, "ninety", "noventa", "neunzig", "nonante", "novanta", "novant", "negentig");
        Units(200, "doscientos", "doscientas", "duzentos", "duzentas");
        Units(300, "trescientos", "trescientas", "trezentos", "trezentas");
        Units(400, "cuatrocientos", "cuatrocientas", "quatrocentos");
        Units(500, "quinientos", "quinientas", "quinhentos", "quinhentas");
        Units(600, "seiscientos", "seiscientas", "seiscentos");
        Units(700, "setecientos", "setecientas", "setecentos");
        Units(800, "ochocientos", "ochocientas", "oitocentos");
        Units(900, "novecientos", "novecientas", "novecentos");
        foreach (var w in new[] { "hundred", "cien", "ciento", "hundert", "cent", "cents", "cem", "cento", "honderd" })
        {
            d[w] = (Kind.Hundred, 100);
        }

        foreach (var w in new[] { "thousand", "mil", "tausend", "mille", "mila", "duizend" })
        {
            d[w] = (Kind.Thousand, 1000);
        }

        foreach (var w in new[] { "million", "millions", "millon", "millones", "millionen", "milhao", "milhoes", "milione", "milioni", "miljoen", "miljoenen" })
        {
            d[w] = (Kind.Million, 1_000_000);
        }

        foreach (var w in new[] { "and", "y", "und", "et", "e", "en" })
        {
            d[w] = (Kind.Joiner, 0);
        }

        return d;
    }
}
