using System.Text.RegularExpressions;

namespace Escalation.Core.Sensitive;

/// <summary>
/// English words for the billing vocabulary of the other covered languages, so a policy rule written in English ("Re-issue
/// an invoice with corrected company details, VAT number or purchase-order reference") is found from "Können Sie die
/// Rechnung mit unserer neuen USt-IdNr. neu ausstellen?" as it is from the English request.
/// </summary>
internal static partial class RuleGlosses
{
    private static readonly (Regex Words, string[] English)[] Glosses =
    [
        (InvoiceWord(), ["invoice"]),
        (ReissueWord(), ["issue", "corrected"]),
        (NumberWord(), ["number"]),
        (VatWord(), ["vat", "number"]),
        (CompanyWord(), ["company", "details"]),
        (OrderWord(), ["purchase", "order", "reference"]),
    ];

    /// <summary>The English words the text's billing vocabulary stands for.</summary>
    public static IEnumerable<string> For(string text) =>
        Glosses.Where(g => g.Words.IsMatch(text)).SelectMany(g => g.English);

    /// <summary>"invoice" and its word in the other covered languages.</summary>
    internal static Regex Invoice => InvoiceWord();

    /// <summary>"re-issue", "corrected" and their words in the other covered languages ("neu ausstellen", "rectificar", "corriger").</summary>
    internal static Regex Corrected => ReissueWord();

    [GeneratedRegex(@"\b(invoice\w*|rechnung\w*|factura\w*|facture\w*|fatura\w*|fattura\w*|factuur\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InvoiceWord();

    [GeneratedRegex(@"\b(neu ausstell\w*|neu ausgestellt\w*|neu (aus)?zu ?stellen|neu aus\b|opnieuw uit(geven|sturen|brengen)|korrigier\w*|berichtig\w*|re-?emit\w*|emitir (de nuevo|otra vez|novamente)|rectific\w*|corregi\w*|corrig\w*|r[ée][ée]mett\w*|r[ée][ée]dit\w*|riemett\w*|emettere di nuovo|corrett[ao]|opnieuw (uit)?(sturen|maken|opmaken)|corriger\w*|gecorrigeerd\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReissueWord();

    [GeneratedRegex(@"\b(nummer|n[úu]mero|num[ée]ro|kvk)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberWord();

    [GeneratedRegex(@"\b(ust-?id\w*|umsatzsteuer\w*|steuernummer|nif|cif|nipc|tva|iva|btw|partita iva)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VatWord();

    [GeneratedRegex(@"\b(firmenname|firmenanschrift|empresa|raz[óo]n social|soci[ée]t[ée]|entreprise|raison sociale|azienda|ragione sociale|bedrijfsnaam|bedrijfsgegevens)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CompanyWord();

    [GeneratedRegex(@"\b(bestellnummer|orden de compra|bon de commande|ordem de compra|ordine d'acquisto|inkoopordernummer|inkooporder)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrderWord();
}
