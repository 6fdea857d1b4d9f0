using System.Text.RegularExpressions;

namespace Escalation.Core.Cases;

/// <summary>
/// Whether the intent the case was read as covers everything the customer's latest message asks ("send only what is
/// understood"): a reply that refunds the charge but ignores "and can you also give me 50% off?" does not resolve the
/// ticket. Reads the latest customer message clause by clause, in the seven covered languages, and finds:
/// <list type="bullet">
/// <item>asks no recognised intent covers (a clause with a question mark or a request marker and none of the intent's
/// words, money or dates);</item>
/// <item>a question about what would happen ("if I cancel today, would I get it back?") rather than a request;</item>
/// <item>a refund asked to go elsewhere than the payment it came from (another card, a bank transfer, another person);</item>
/// <item>a partial refund with no amount ("refund whatever is fair").</item>
/// </list>
/// Each is quoted, so a reviewer (and a support lead tuning the workspace) sees what was not understood.
/// </summary>
public static partial class AskCoverage
{
    /// <summary>What the latest message asks beyond the recognised intent; every field null or empty when nothing.</summary>
    public sealed record Reading(IReadOnlyList<string> OtherAsks, string? Hypothetical, string? Elsewhere, string? Partial);

    private const int MaxQuote = 120;

    public static Reading Read(IReadOnlyList<CaseText.Segment> texts, IReadOnlyList<string> asks, DateOnly today)
    {
        var latest = texts.Where(s => s.Message >= 0).MaxBy(s => s.Message);
        if (latest is null)
        {
            return new Reading([], null, null, null);
        }

        var text = latest.Text;
        var other = new List<string>();
        var intentAsks = 0;
        var hypothetical = 0;
        string? firstHypothetical = null;
        foreach (var clause in Clauses(text))
        {
            var asking = clause.Contains('?') || clause.Contains('¿') || RequestMarker().IsMatch(clause) || JoinedImperative().IsMatch(clause) || ListItem().IsMatch(clause);
            // "Can you confirm once it's done?", "Geben Sie mir kurz Bescheid": any reply answers a short request to hear back.
            if (!asking || Courtesy().IsMatch(clause) || (Words(clause) < 5 && !Why().IsMatch(clause)) || (HearBack().IsMatch(clause) && Words(clause) <= 10))
            {
                continue;
            }

            if (Covered(clause, asks, today))
            {
                intentAsks++;
                if (Conditional().IsMatch(clause))
                {
                    hypothetical++;
                    firstHypothetical ??= Quote(clause);
                }

                continue;
            }

            other.Add(Quote(clause));
        }

        return new Reading(
            other,
            intentAsks > 0 && hypothetical == intentAsks ? firstHypothetical : null,
            asks.Contains(CaseAsks.Refund) && Elsewhere().Match(text) is { Success: true } e ? Quote(e.Value) : null,
            asks.Contains(CaseAsks.Refund) && Partial().Match(text) is { Success: true } p ? Quote(p.Value) : null);
    }

    /// <summary>A clause is about the intent when it names it (refund, credit, cancel, data…), money, a date or a charge.</summary>
    private static bool Covered(string clause, IReadOnlyList<string> asks, DateOnly today)
    {
        // No ask the facts know (an intent read from a policy rule, e.g. an invoice correction): any of the words counts.
        var any = asks.Count == 0;
        bool Ask(string ask) => any || asks.Contains(ask);
        if (Why().IsMatch(clause))
        {
            return false; // "why was I charged twice?": an explanation is asked, and a template reply gives none
        }

        return Money().IsMatch(clause) || DateParsing.FirstDate(clause, today) is not null
            || ((Ask(CaseAsks.Refund) || Ask(CaseAsks.Credit) || Ask(CaseAsks.Cancel)) && FollowUpAction().IsMatch(clause))
            || ((Ask(CaseAsks.Refund) || Ask(CaseAsks.Credit)) && ChargeWord().IsMatch(clause))
            || (Ask(CaseAsks.Refund) && (RefundWord().IsMatch(clause) || RefundTiming().IsMatch(clause)))
            || (Ask(CaseAsks.Credit) && CreditWord().IsMatch(clause))
            || (Ask(CaseAsks.Cancel) && CancelWord().IsMatch(clause))
            || (Ask(CaseAsks.DataAccess) && DataWord().IsMatch(clause))
            || (any && InvoiceWord().IsMatch(clause));
    }

    /// <summary>Sentences, then clauses joined by "and also", "y además", "und außerdem"… or a comma before a new request.</summary>
    private static IEnumerable<string> Clauses(string text)
    {
        // A list written inline ("Two things: 1. refund the charge 2. extend our trial"; line breaks are folded to spaces)
        // is split at its items first.
        var listed = NumberedItem().Matches(text).Count >= 2 || BulletItem().Matches(text).Count >= 2
            ? ItemSplit().Split(text)
            : [text];
        foreach (var sentence in listed.SelectMany(t => SentenceSplit().Split(t)))
        {
            foreach (var clause in ClauseSplit().Split(sentence))
            {
                var c = clause.Trim();
                if (c.Length > 0)
                {
                    yield return c;
                }
            }
        }
    }

    private static int Words(string clause) => clause.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static string Quote(string s)
    {
        var t = s.Trim().TrimEnd(',', ';');
        return t.Length <= MaxQuote ? t : t[..MaxQuote].TrimEnd() + "…";
    }

    // Not after "12." ("am 12. November"): a German or Dutch ordinal date is no sentence end.
    /// <summary>A request joined by "and": "and change…", "und ändern Sie…", "et changez…", "e cambiate…", "e mudem…".</summary>
    private const string Imperative = @"(and|und|et|e|y|en) ((change|send|update|give|extend|add|remove|move|switch|upgrade|downgrade|reset|fix|tell|explain|confirm|delete|transfer|set|put|make)\b|\w+n sie\b|\w+ez\b|\w+ate\b|\w+em\b)";

    [GeneratedRegex(@"(?<=(?<!\d)\.|[!?;])\s+|\n+|(?=¿)")]
    private static partial Regex SentenceSplit();

    // ", and can you…", " and also…", ", y además…", "; de paso…", ", und außerdem…", ", et aussi…", ", e também…", ", e inoltre…", ", en ook…"
    [GeneratedRegex(@",?\s+(?=(and (also|can|could|would|please|will)|also,? (can|could|please|i)|plus|y además|y,? de paso|y también|además|und (außerdem|bitte|auch|können)|außerdem|et (aussi|pourriez|pouvez|merci de)|e (também|ainda|podem|poderiam)|além disso|e (inoltre|potete|potreste|anche)|inoltre|en (ook|kunt|kunnen|graag)|daarnaast|verder)\b)|,\s+(?=(can|could|would|will) you\b)|,?\s+(?=" + Imperative + ")", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex ClauseSplit();

    [GeneratedRegex(@"(^|\s)[1-9][.)]\s+\p{L}")]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"(^|\s)[-*•]\s+\p{L}")]
    private static partial Regex BulletItem();

    [GeneratedRegex(@"\s+(?=[1-9][.)]\s+\p{L}|[-*•]\s+\p{L})")]
    private static partial Regex ItemSplit();

    // A numbered or bulleted line ("1. refund the charge", "- extend our trial") is one of the things asked.
    [GeneratedRegex(@"^\s*(\d{1,2}[.)]|[-*•])\s+\p{L}")]
    private static partial Regex ListItem();

    // "… and change the billing address", "… und ändern Sie …", "… et changez …", "… e cambiate …", "… e mudem …".
    [GeneratedRegex("^" + Imperative, RegexOptions.IgnoreCase)]
    private static partial Regex JoinedImperative();

    [GeneratedRegex(@"\b(please|pls|plz|can you|could you|would you|will you|can we|could we|can i|could i|i want|we want|i need|we need|i'd like|i would like|we'd like|we would like|let me know|tell me|explain|why|when will|how (do|can|come)|por favor|pueden|podrían|puede|podría|quiero|queremos|necesito|necesitamos|me gustaría|expliquen|por qué|cuándo|cómo|bitte|können sie|könnten sie|kannst du|ich möchte|wir möchten|ich will|wir wollen|ich brauche|warum|wieso|wann|erklären sie|s'il vous plaît|svp|pouvez-vous|pouvez vous|pourriez|je veux|nous voulons|je voudrais|nous voudrions|j'aimerais|expliquez|pourquoi|quand|podem|poderiam|pode|poderia|quero|queremos|preciso|gostaria|expliquem|porque|por que|quando|per favore|potete|potreste|può|potrebbe|voglio|vogliamo|vorrei|vorremmo|spiegate|perché|quando|graag|kunt u|kunnen jullie|kun je|ik wil|wij willen|we willen|ik zou graag|leg uit|waarom|wanneer)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RequestMarker();

    [GeneratedRegex(@"^\W*(hi|hello|hey|dear|thanks|thank you|thx|cheers|regards|best|kind regards|many thanks|thanks in advance|can you help( me| us)?|please help|please advise|any help|hola|buenos días|buenas|gracias|muchas gracias|saludos|un saludo|hallo|guten tag|danke|vielen dank|grüße|viele grüße|bonjour|merci|merci d'avance|cordialement|olá|bom dia|boa tarde|obrigad[oa]|cumprimentos|ciao|buongiorno|grazie|saluti|cordiali saluti|hoi|goedendag|bedankt|dank je|groeten|met vriendelijke groet)\b[\W\w]{0,25}$", RegexOptions.IgnoreCase)]
    private static partial Regex Courtesy();

    [GeneratedRegex(@"\b(refund\w*|reimburs\w*|money back|back|reemb[oó]ls\w*|devoluci[óo]n|devu[ée]lv\w*|devolv\w*|reembolso|(r[üu]ck)?erstatt\w*|geld|zur[üu]ck\w*|rembours\w*|devolu[çc][ãa]o|estorno|rimbors\w*|terugbetal\w*|terugstort\w*|terug|zur[üu]ck\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RefundWord();

    [GeneratedRegex(@"\b(charge\w*|charg|billed|paid|payment|renewal|cobr\w*|carg\w*|pago|abbuch\w*|abgebucht|bezahlt|prélev\w*|débit\w*|cobran[çc]a|pagamento|addebit\w*|afschrijving|afgeschreven|betaald|betaling)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChargeWord();

    [GeneratedRegex(@"\b(credit\w*|compensat\w*|sla|outage|downtime|cr[ée]dito|compensaci[óo]n|ca[íi]da|gutschrift|entsch[äa]digung|ausfall|avoir|crédit|indemnisation|panne|compensa[çc][ãa]o|credito|risarcimento|disservizio|tegoed|compensatie|storing)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CreditWord();

    [GeneratedRegex(@"\b(cancel\w*|subscription|plan|account|baja|suscripci[óo]n|k[üu]ndig\w*|abo\w*|konto|résili\w*|abonnement|compte|assinatura|conta|disdett\w*|abbonamento|opzeg\w*|account)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CancelWord();

    [GeneratedRegex(@"\b(data|gdpr|datos|rgpd|daten|dsgvo|données|dados|lgpd|dati|gegevens|avg)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DataWord();

    [GeneratedRegex(@"\b(confirm\w*|let (me|us) know|keep (me|us) (posted|updated|informed)|get back to (me|us)|looking forward|hear (back|from you)|conf[íi]rm\w*|av[íi]s\w*|h[áa]ganme saber|me dicen|espero (su|tu) respuesta|bescheid|best[äa]tig\w*|r[üu]ckmeldung|informieren sie mich|tenez-moi|pr[ée]venez|tiens-moi|dans l'attente|me avisem|me informem|aguardo|fatemi sapere|fammi sapere|avvisatemi|tenetemi aggiornat\w*|in attesa|laat (me|het) (even |maar )?weten|bevestig\w*|houd? me op de hoogte)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HearBack();

    [GeneratedRegex(@"\b(why|how come|por qu[ée]|warum|wieso|weshalb|pourquoi|porque|por que|perch[ée]|come mai|waarom|hoe komt)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Why();

    // What the action plan carries out with a refund, credit or cancellation: remove the add-on or seats, downgrade, stop
    // the renewal, send the credit note or corrected invoice.
    [GeneratedRegex(@"\b(remove|delete|take off|drop|downgrade|stop|turn off|deactivate|switch off|credit note|(corrected|new|fresh|updated|revised) (invoice|receipt|copy)|receipt|quit\w*|elimin\w*|borr\w*|dar de baja|bajar de plan|nota de cr[ée]dito|factura rectificativa|recibo|entfern\w*|l[öo]sch\w*|herabstuf\w*|downgraden|abbestell\w*|gutschrift|rechnungskorrektur|korrigierte rechnung|quittung|supprim\w*|retir\w*|r[ée]trograd\w*|arr[êe]t\w*|facture (rectificative|corrigée)|re[çc]u|remov\w*|exclu\w*|cancel\w*|rimuov\w*|togli\w*|disattiv\w*|nota di credito|ricevuta|verwijder\w*|stopzet\w*|creditnota|bonnetje)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FollowUpAction();

    [GeneratedRegex(@"\b(invoice\w*|receipt|vat|po|purchase order|copy|copia|kopie|copie|c[óo]pia|factura\w*|rechnung\w*|ust|factur\w*|tva|fatura\w*|fattura\w*|iva|factuur\w*|btw)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InvoiceWord();

    [GeneratedRegex(@"[€$£]|\b\d+([.,]\d+)?\s?(eur|euros?|usd|dollars?|gbp|pounds?|chf|brl|reais)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Money();

    [GeneratedRegex(@"\b(how long|how soon|when (will|would|do|can) (i|we) (get|see|receive)|cu[áa]nto tarda|cu[áa]ndo (recibir[ée]|llegar[áa]|ver[ée])|wie lange|wann (bekomme|erhalte|sehe)|combien de temps|quand (vais-je|recevrai)|quanto tempo|quando (vou|receberei)|quanto ci vuole|quando (riceverò|arriverà)|hoe lang|wanneer (krijg|ontvang))\b", RegexOptions.IgnoreCase)]
    private static partial Regex RefundTiming();

    // A question about what would happen, not a request: "if I cancel today, would I get…", "si cancelo hoy, ¿me devolverían…".
    // Not "If you could refund…", "si pudieran…", "wenn Sie … könnten", "se possibile": polite requests.
    [GeneratedRegex(@"^\W*(if|si|wenn|falls|se|als)\b(?!\s+(you|u|vous|usted|ustedes|sie|voc[êe]s?|voi|jullie|possible|posible|poss[íi]vel|possibile|mogelijk|m[öo]glich|pudieran|pueden|puede|podr[íi]an|pouviez|pouvez|puderem|poteste|potete)\b)|\b(would i|would we|will i|do i|would it be refunded|me devolver[íi]an|bekäme ich|würde ich|recevrais-je|aurais-je|eu receberia|receberia|riceverei|avrei|zou ik|krijg ik dan)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Conditional();

    // Policy: a refund goes back to the card or account that paid. Another card, a bank transfer, a wallet, another person.
    [GeneratedRegex(@"\b(iban|bank transfer|wire transfer|wire it|to my (new|other|different|second) (card|account)|(a|another|a different|my new|the new) card|paypal|venmo|revolut|in cash|refund (him|her|them) |(his|her|their) (own )?account|on behalf of|transferencia|otra tarjeta|nueva tarjeta|(a|en) mi cuenta bancaria|en nombre de|[üu]berweis\w*|andere karte|neue karte|anderes konto|im namen von|virement|autre carte|nouvelle carte|au nom de|transfer[êe]ncia|outro cart[ãa]o|novo cart[ãa]o|em nome de|bonifico|altra carta|nuova carta|a nome di|overboek\w*|andere kaart|nieuwe kaart|rekeningnummer|namens)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Elsewhere();

    [GeneratedRegex(@"\b(whatever (is|you think is|seems) fair|what(ever)? you think is fair|partial(ly)?|part of (it|the (charge|amount|payment))|pro[- ]?rat(a|ed)|for the (days|weeks|months|time) (i|we) (didn't|did not|never) use|unused (days|time|portion)|lo que (sea|consideren) justo|parte del (cargo|importe|pago)|parcial(mente)?|prorrat\w*|teilweise|anteilig|einen teil|was (sie für )?fair (ist|halten)|partiel(le)?(ment)?|une partie|au prorata|ce qui est juste|parte do (valor|pagamento)|proporcional|o que (for|acharem) justo|in parte|parziale|una parte|quello che (è|ritenete) giusto|gedeeltelijk|naar rato|een deel|wat (redelijk|eerlijk) is)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Partial();
}
