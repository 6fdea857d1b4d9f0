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
    /// <remarks>
    /// <para><see cref="AddOn"/> names the add-on or pack the customer asks to have removed ("remove the SMS add-on", "das
    /// SMS-Paket entfernen", "quitar el complemento de informes"); <see cref="Removal"/> quotes a removal asked of something
    /// no action removes ("and delete my workspace", "remove it") — a reply that ignores it does not resolve the ticket.</para>
    /// <para><see cref="CancelTiming"/> quotes when the customer asks the cancellation to take effect ("immediately", "a final de
    /// mes", "zum 1. Dezember"), with <see cref="CancelNow"/> for "now" and <see cref="CancelDate"/> for a date; the end of the
    /// term or renewal is what the policy does anyway and is not quoted. <see cref="ExtraCharged"/>: the message names a
    /// charge beside the plan (an add-on, seats, usage, annual billing).</para>
    /// </remarks>
    public sealed record Reading(IReadOnlyList<string> OtherAsks, string? Hypothetical, string? Elsewhere, string? Partial, string? AddOn = null, string? Removal = null,
        string? CancelTiming = null, bool CancelNow = false, DateOnly? CancelDate = null, bool ExtraCharged = false, string? StopBilling = null,
        string? Reissue = null, IReadOnlyList<string>? Asked = null, bool CancelAtTermEnd = false);

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
        string? reissue = null;
        var asked = new List<string>();
        string? firstHypothetical = null;
        // "… B.V. - our accountant can't book it otherwise.": a dash starts a list item only in a list.
        var list = NumberedItem().Matches(text).Count >= 2 || BulletItem().Matches(text).Count >= 2;
        foreach (var clause in Clauses(text))
        {
            // "Kunnen jullie de verlengingsdatum verschuiven naar 1 juli?", "unser Verlängerungsdatum auf den 1. Juli verschieben":
            // moving the renewal or billing date names a date, but no refund, credit or cancellation carries it out; however
            // short the clause a date cut it into, it is an ask.
            if (RenewalMove().IsMatch(clause))
            {
                asked.Add(Quote(clause));
                other.Add(Quote(clause));
                continue;
            }

            var asking = clause.Contains('?') || clause.Contains('¿') || RequestMarker().Matches(clause).Any(m => !NeedDenied(clause, m) && !SayingOnly().IsMatch(clause.AsSpan(m.Index + m.Length))) || QuestionStart().IsMatch(clause) || JoinedImperative().IsMatch(clause) || (list && ListItem().IsMatch(clause));
            // "Can you confirm once it's done?", "Geben Sie mir kurz Bescheid": any reply answers a short request to hear back.
            if (!asking || Courtesy().IsMatch(clause) || Forwarding().IsMatch(clause) || Disclaimer().IsMatch(clause) || (Words(clause) < 5 && !IsWhy(clause)) || (HearBack().IsMatch(clause) && Words(clause) <= 10))
            {
                continue;
            }

            asked.Add(Quote(clause));
            // "… und bitte stellen Sie die Rechnung mit unserer neuen USt-IdNr. neu aus": a corrected invoice is an ask of its
            // own beside a refund or cancellation, whatever date or sum its sentence names; alone, it is the intent itself.
            if (ReissueAsked(clause))
            {
                reissue ??= Quote(clause);
                if (asks.Count > 0)
                {
                    continue;
                }
            }

            if (Covered(clause, asks, today))
            {
                intentAsks++;
                // "what is your refund window?", "quel est votre délai de remboursement ?": the policy asked about, not applied.
                if ((Conditional().IsMatch(clause) && !ConditionalRequest().IsMatch(clause)) || PolicyQuestion().IsMatch(clause))
                {
                    hypothetical++;
                    firstHypothetical ??= Quote(clause);
                }

                continue;
            }

            other.Add(Quote(clause));
        }

        // "résilier mon abonnement et transférer les mois restants à une amie": handing the plan, its months or seats to
        // someone else is an ask no action carries out, even inside the sentence that asks the cancellation.
        if (Transfer().Match(text) is { Success: true } handOver && !RemovalNegator().IsMatch(text[Math.Max(0, handOver.Index - 14)..handOver.Index])
            && Quote(ClauseAt(text, handOver.Index)) is var transfer && !other.Contains(transfer))
        {
            other.Add(transfer);
        }

        // "Je ne demande rien pour l'instant", "just wondering": the customer says in words that nothing is asked yet.
        var justAsking = intentAsks > 0 && JustAsking().Match(text) is { Success: true } j ? Quote(j.Value) : null;
        var timing = Timing(text, asks, today);
        var addOn = AddOnToRemove(text, texts.Where(s => s.Message >= 0 && s.Message < latest.Message).OrderByDescending(s => s.Message).Select(s => s.Text));
        return new Reading(
            other,
            intentAsks > 0 && hypothetical == intentAsks ? firstHypothetical : justAsking,
            asks.Contains(CaseAsks.Refund) && Elsewhere().Match(text) is { Success: true } e ? Quote(e.Value) : null,
            asks.Contains(CaseAsks.Refund) && Partial().Match(text) is { Success: true } p ? Quote(p.Value) : null,
            addOn,
            addOn is null && RemoveVerb().Match(text) is { Success: true } r && !RefusedRemoval(text, r.Index)
                && !(asks.Contains(CaseAsks.Cancel) && Renewal().IsMatch(ClauseAt(text, r.Index))) // "turn off auto-renew": the cancellation itself
                ? Quote(ClauseAt(text, r.Index)) : null,
            timing?.Quote,
            timing?.Now ?? false,
            timing?.Date,
            AddOnName().IsMatch(text) || NamedAddOn().IsMatch(text) || ExtraWord().IsMatch(text),
            asks.Contains(CaseAsks.Cancel) && NoMoreCharges().Match(text) is { Success: true } stop ? Quote(ClauseAt(text, stop.Index)) : null,
            reissue,
            asked,
            AsksTermEnd(text, asks));
    }

    /// <summary>
    /// The clause asks for an invoice to be re-issued or corrected: "could you re-issue it with our new VAT number", "send us a
    /// corrected invoice", "die Rechnung … neu auszustellen", "rééditer la facture", "corregir la factura con el nuevo NIF".
    /// Not "no need to re-issue the invoice".
    /// </summary>
    internal static bool ReissueAsked(string clause)
    {
        if (NoNeed().IsMatch(clause))
        {
            return false;
        }

        if (ReissueVerb().Match(clause) is { Success: true } verb)
        {
            return !RemovalNegator().IsMatch(clause[Math.Max(0, verb.Index - 14)..verb.Index]);
        }

        return Sensitive.RuleGlosses.Invoice.IsMatch(clause)
            && ((Sensitive.RuleGlosses.Corrected.Match(clause) is { Success: true } corrected && !RemovalNegator().IsMatch(clause[Math.Max(0, corrected.Index - 14)..corrected.Index]))
                || CorrectVerb().IsMatch(clause) || (ChangeVerb().IsMatch(clause) && InvoiceDetail().IsMatch(clause)));
    }

    [GeneratedRegex(@"\b(correct|corrected|correction|amend|amended)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CorrectVerb();

    [GeneratedRegex(@"\b(no need|(don't|do not|doesn't|does not) need|not necessary|nicht (mehr )?n[öo]tig|nicht notwendig|no (hace falta|es necesario)|pas (besoin|n[ée]cessaire)|n[ãa]o (precisa|é necess[áa]rio)|non (serve|[èe] necessari[oa])|niet (meer )?nodig)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NoNeed();

    // Re-issuing an invoice, in words no other ask uses: "re-issue", "issue a corrected invoice", "neu ausstellen" (and the
    // separable "stellen … neu aus"), "rééditer", "réémettre", "refaire la facture", "reemitir", "riemettere", "opnieuw uitgeven".
    [GeneratedRegex(@"\b(re[- ]?issu\w*|issue (us |me )?(a |the )?(new|corrected|fresh|revised|updated|amended) (invoice|copy|version)|send (us |me )?(a |the )?(corrected|revised|amended|updated) (invoice|copy|version)|neu (aus)?zu ?stellen|neu ausstell\w*|neu aus\b|r[ée]-?[ée]dit\w*|r[ée]-?[ée]mett\w*|re-?emit\w*|emitir (de nuevo|otra vez|novamente|una nueva|uma nova|nueva)|riemett\w*|emettere (di nuovo|una nuova|nuovamente)|(refaire|rehacer|refazer|rifare) (la |a |une |una |uma )?(\S+ )?(factur\w*|fatur\w*|fattur\w*)|opnieuw (uitgeven|uitbrengen|opmaken|versturen|sturen|maken)|nieuwe factuur)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReissueVerb();

    [GeneratedRegex(@"\b(change|update|fix|amend|put|add|show|ändern|aktualisier\w*|anpass\w*|cambi\w*|actualiz\w*|modifi\w*|mettre|mettez|altera\w*|atualiz\w*|aggiorn\w*|wijzig\w*|aanpass\w*|bijwerk\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeVerb();

    [GeneratedRegex(@"\b(vat|tax (id|number)|company (name|details|address)|billing address|legal name|po|purchase order|ust-?id\w*|umsatzsteuer\w*|firmenname|anschrift|bestellnummer|nif|cif|raz[óo]n social|orden de compra|tva|siret|raison sociale|bon de commande|nipc|cnpj|ordem de compra|iva|partita iva|ragione sociale|ordine d'acquisto|btw|kvk|bedrijfsnaam|inkooporder\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InvoiceDetail();

    /// <summary>
    /// A cancellation date without its year is the occurrence nearest the day it is asked: "le 30 novembre" written on 19
    /// November 2026 is 2026-11-30, not the 30 November a year before; "from 1 November" written then is the one just past.
    /// </summary>
    private static DateOnly Ahead(DateParsing.Found date, DateOnly today) =>
        date.Date < today && !YearWritten().IsMatch(date.Text) && date.Date.AddYears(1) is var next
        && next.DayNumber - today.DayNumber < today.DayNumber - date.Date.DayNumber
            ? next : date.Date;

    [GeneratedRegex(@"\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2}\b")]
    private static partial Regex YearWritten();

    /// <summary>The customer asks the cancellation for the end of the term in words ("disdire … alla fine del periodo in corso").</summary>
    /// <remarks>Or in a sentence of its own that agrees to it: "End of the current period is fine", "fin de mois me va".</remarks>
    private static bool AsksTermEnd(string text, IReadOnlyList<string> asks) =>
        asks.Contains(CaseAsks.Cancel)
        && (CancelVerb().Matches(text).Any(cancel => EndOfTerm().IsMatch(WordsAfter(text, cancel)))
            || EndOfTerm().Matches(text).Any(end => AgreedTo().Match(text, end.Index + end.Length) is { Success: true } ok
                && text.IndexOfAny(['.', '!', '?', '\n'], end.Index, ok.Index - end.Index) < 0));

    // "… is fine", "… works for us", "me va bien", "c'est parfait", "ist ok", "passt", "va bene", "está bem", "is prima".
    [GeneratedRegex(@"\b((is|would be|works)( (for|with) (me|us))? (fine|ok|okay|good|great|perfect)|me va bien|nos va bien|est[áa] bien|me parece bien|(c'est|ce sera) (bien|parfait|ok)|(ça|cela) (me|nous) va|ist (ok|in ordnung|gut|recht)|passt|va bene|(est[áa]|fica) (bem|[óo]timo)|is (prima|goed|ok))\b", RegexOptions.IgnoreCase)]
    private static partial Regex AgreedTo();

    /// <summary>The words that go with a cancellation verb: after it, up to the next sentence end or "and …".</summary>
    private static string WordsAfter(string text, Match cancel)
    {
        var after = text[(cancel.Index + cancel.Length)..];
        return after[..(TimingStop().Match(after) is { Success: true } stop ? stop.Index : after.Length)];
    }

    /// <summary>When the customer asks a cancellation to take effect, read from the sentence that asks it; null when not said.</summary>
    private static (string Quote, bool Now, DateOnly? Date)? Timing(string text, IReadOnlyList<string> asks, DateOnly today)
    {
        if (!asks.Contains(CaseAsks.Cancel))
        {
            return null;
        }

        foreach (Match cancel in CancelVerb().Matches(text))
        {
            // The words that go with the cancellation: after it up to the next sentence end or "and …", and just before it
            // ("ab sofort kündigen"); not the charge's date later in the sentence ("cancel and refund the €99 of 12 Nov").
            var after = WordsAfter(text, cancel);
            var before = text[Math.Max(0, cancel.Index - 20)..cancel.Index];
            var sentence = ClauseAt(text, cancel.Index);
            if (EndOfTerm().IsMatch(after))
            {
                continue;
            }

            if (CancelNowWords().IsMatch(after) || ImmediatelyBefore().IsMatch(before))
            {
                return (Quote(sentence), true, null);
            }

            // "from 1 December", "a partir del 1 de diciembre", "zum 31.12.", "résilier le 30 novembre": a date named for the
            // cancellation.
            if (CancelFrom().Match(after) is { Success: true } from && DateParsing.FirstDate(after[from.Index..], today) is { } date)
            {
                return (Quote(sentence), false, Ahead(date, today));
            }

            if (MonthEnd().IsMatch(after))
            {
                return (Quote(sentence), false, null);
            }
        }

        return null;
    }

    /// <summary>The add-on or pack named in the clause that asks for a removal, without its article; null when none.</summary>
    /// <param name="text">The latest customer message.</param>
    /// <param name="earlier">The customer's earlier messages, latest first: "it" may name the add-on one of them named
    /// ("refund the €29 chat widget add-on …", then "just refund the €29 widget and get rid of it please").</param>
    private static string? AddOnToRemove(string text, IEnumerable<string> earlier)
    {
        foreach (Match verb in RemoveVerb().Matches(text))
        {
            if (RefusedRemoval(text, verb.Index))
            {
                continue;
            }

            var clause = ClauseAt(text, verb.Index);
            if (AddOnName().Match(clause) is { Success: true } name)
            {
                // "remove the pack": its fuller name, when the message gives one elsewhere ("the extra seat pack", "€40 SMS add-on").
                var found = name.Groups["name"].Value.Trim();
                if (found.Contains(' ') || (found.Contains('-') && !found.StartsWith("add-on", StringComparison.OrdinalIgnoreCase)))
                {
                    return found;
                }

                // "entfernen Sie das Paket" after "für das Zusatzpaket mit den extra Plätzen": the word the message named it with.
                // "Oui, retirez l'option" after "l'option Reporting Plus (29 €) a été prélevée": the name an earlier message gave.
                return NameInMessage(text)
                    ?? AddOnName().Matches(text).Select(x => x.Groups["name"].Value.Trim()).FirstOrDefault(x => x.Length > found.Length && x.EndsWith(found, StringComparison.OrdinalIgnoreCase))
                    ?? earlier.Select(NameInMessage).FirstOrDefault(n => n is not null)
                    ?? found;
            }

            // "I bought the Reporting Plus add-on by mistake … could you refund the €99 and remove it?": "it" is the add-on.
            if (verb.Value.EndsWith("lo", StringComparison.OrdinalIgnoreCase) || ItInside().IsMatch(verb.Value) || ItAfter().IsMatch(text[(verb.Index + verb.Length)..])
                || ItBefore().IsMatch(text[Math.Max(0, verb.Index - 12)..verb.Index]) || PronounObject().IsMatch(text[Math.Max(0, verb.Index - 40)..verb.Index])
                || Objectless(clause, text, verb))
            {
                if ((AnyName(text) ?? earlier.Select(AnyName).FirstOrDefault(n => n is not null)) is { } named)
                {
                    return named;
                }
            }
        }

        return null;
    }

    private static string? AnyName(string text) =>
        NameInMessage(text) ?? (AddOnName().Match(text) is { Success: true } any ? any.Groups["name"].Value.Trim() : null);

    /// <summary>The add-on's fullest name anywhere in the message ("the extra seat pack", "SMS reminders add-on"); null when none.</summary>
    private static string? NameInMessage(string text) =>
        (QuotedAddOn().Match(text) is { Success: true } quoted ? quoted.Groups["name"].Value.Trim() : null)
        ?? AddOnName().Matches(text).Select(x => x.Groups["name"].Value.Trim()).FirstOrDefault(x => x.Contains(' '))
        ?? (NamedAddOn().Match(text) is { Success: true } named ? named.Groups["name"].Value : null)
        ?? (BoughtName().Match(text) is { Success: true } bought ? bought.Groups["name"].Value : null);

    // The name given in quotes next to the add-on word: "el complemento «Informes Plus»", "the \"Reporting Plus\" add-on",
    // "das Zusatzmodul „Berichte“".
    [GeneratedRegex(@"\b(add[- ]?ons?|packs?|paket|zusatzmodul\w*|zusatzpaket\w*|erweiterung|modul|paquete|complemento|suplemento|m[óo]dulo|module|extension|pacote|pacchetto|modulo|estensione|pakket|uitbreiding|option|opci[óo]n|opzione|op[çc][ãa]o|optie|componente aggiuntivo)\s*[«""“„‘'‹]\s*(?<name>[^«»""“”„‘’'‹›\n]{2,40}?)\s*[»""”“’'›]|[«""“„‘‹]\s*(?<name>[^«»""“”„‘’'‹›\n]{2,40}?)\s*[»""”“’›]\s*(-?\s*)?(add[- ]?ons?|packs?|module|extension|option)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuotedAddOn();

    // "we bought Reporting Plus for €99 … remove the add-on": the capitalised name of what was bought.
    [GeneratedRegex(@"\b(bought|purchased|added|activated|ordered|subscribed to|compr[ée]|compramos|comprei|comprou|acquistat[oa]|gekocht|gekauft|gebucht|achet[ée]|souscrit)\s+((the|el|la|o|a|il|l'|das|den|het|de|le)\s+)?(?<name>(?-i:[\p{Lu}][\w+-]*)(\s(?-i:[\p{Lu}][\w+-]*)){0,2})", RegexOptions.IgnoreCase)]
    private static partial Regex BoughtName();

    /// <summary>"Don't remove the add-on", "no lo eliminen", "nicht entfernen": a refused removal is no ask.</summary>
    private static bool RefusedRemoval(string text, int at) =>
        (RemovalNegator().IsMatch(text[Math.Max(0, at - 14)..at]) && !IfNot().IsMatch(text[Math.Max(0, at - 24)..at])) || RemovalNegatorAfter().IsMatch(text[at..Math.Min(text.Length, at + 40)]);

    /// <summary>The sentence around <paramref name="at"/> (the text between the nearest sentence ends).</summary>
    internal static string ClauseAt(string text, int at)
    {
        var start = text.LastIndexOfAny(['.', '!', '?', '\n'], Math.Max(0, at - 1)) + 1;
        var end = text.IndexOfAny(['.', '!', '?', '\n'], at);
        return text[start..(end < 0 ? text.Length : end)].Trim();
    }

    // Asking for something to be taken off the account: "remove", "take off", "entfernen", "quitar" (with its pronouns:
    // "quitádmelo", "quítenmelo"), "supprimer", "remover",
    // "rimuovere", "verwijderen" (and their forms). Not "cancel", "stop": those are read as cancellation asks.
    [GeneratedRegex(@"\b(remove|delete|get rid of|(want|need|like|have) (\S+ ){1,5}gone|(want|need|like|have|get) (\S+ ){1,8}(removed|deleted|taken off)|take (it |this |that )?off|turn (it |this |that )?off|switch (it |this |that )?off|deactivate|disable|(qu[ií]t(?!e\b)|elim[ií]n|b[oó]rr|desact[ií]v)[aáeé](r|n|d)?(me|nos|se|le|les|te)?(lo|la|los|las)?\b|entfern\w*|l[öo]sch(en|t|e)\b|deaktivier\w*|abschalten|abstellen|supprim\w*|retir(ez|er)\b|retir(en|ad|arlo|enlo|adlo)\b|d[ée]sactiv\w*|enlever|enlevez|remov(a|am|er|ê|e)\b|retir(a|ar|em|e)\b|retir[áa]-l[oa]s?|remov[êe]-l[oa]s?|tir(ar|em)\b|desativ(a|ar|em|e)\b|apag(ar|uem|ue)\b|rimuov\w*|togli\w*|eliminat[eo]\b|disattiv\w*|cancellate|verwijder\w*|weghalen|weg te halen|uitzetten|(her)?ausnehmen|rausnehmen|zet (het|dat|die) uit|deactiveer\w*|(mag|kan|moet|mogen|kunnen|moeten)\s(\S+\s){0,2}(weg|eraf|eruit)|(yank|pull|rip|strip|take|get|knock)\s(\S+\s){1,5}off\s(of\s)?(our|my|the)\s(plan|account|subscription|workspace))\b", RegexOptions.IgnoreCase)]
    private static partial Regex RemoveVerb();

    [GeneratedRegex(@"(\b(not|don't|do not|never|no|nicht|kein|pas|ne|n'|n[ãa]o|non|niet|geen)\b|n't)\s*(\w+\s*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex RemovalNegator();

    [GeneratedRegex(@"^\w+\s+(\w+\s+){0,2}(nicht|pas|niet)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RemovalNegatorAfter();

    // The thing removed, when it is an add-on or pack, after its article: "the SMS reminders add-on", "das SMS-Add-on", "das
    // Zusatzmodul Berichte", "el complemento de informes", "le module SMS", "o pacote de SMS", "il pacchetto SMS", "de SMS-module";
    // else the add-on word alone ("refund the €40 SMS add-on and remove it" → "add-on").
    [GeneratedRegex(@"(\b(the|an?|my|un|una|uno|une|um|uma|een|ein|eine|einen|einem|das|den|die|dem|el|la|le|les|l'|o|os|il|lo|het|de|your|our|this|that|unser\w*|ihr\w*|nuestro|su|notre|votre|ce|cette|nosso|seu|esse|nostro|questo|ons|uw|dit|dat|dieses|diese|este|esta)\s+|\b[lL]['’])(([€$£]\s?)?\d[\d.,]*(\s?(€|eur|euros?))?\s+)?(?<name>((?!(re{1,2}[mn]bolso|refund|devoluci[óo]n|erstattung|r(?:ü|ue|u)ckerstattung|rembour[sc]{1,2}ement|rimborso|terugbetaling|estorno|do|da|del|der|des|du|della|dello|van|of|for|para|pour|per|f[üu]r|voor)\b)[\w+„“""'-]+\s){0,2}[\w-]*(add[- ]?ons?|packs?|paket|zusatzmodul\w*|zusatzpaket\w*|erweiterung|modul|paquete|complemento|suplemento|m[óo]dulo|module|extension|pacote|pacchetto|modulo|estensione|pakket|uitbreiding|option|opci[óo]n|opzione|op[çc][ãa]o|optie|componente( aggiuntivo)?)\b(\s(de|di|do|da|del|van|voor|of|with|mit|com|con|avec)\s\d{1,4}\s(extra\s|additional\s|zus[äa]tzliche\w*\s)?(seats?|si[èe]ges?|plazas?|asientos?|pl[äa]tze|lugares|posti|postazioni|licen[cs]\w*|users?|utilisateurs?|usuarios?|utenti|gebruikers?|nutzer\w*|werkplekken)(\s(suppl[ée]mentaires?|adicional(es)?|adicionais|aggiuntiv[ie]|extra))?|\s(de|di|do|da|del|van|voor)\s(?!\d)(?!(la|el|los|las|le|les|lo|il|mi|mis|tu|su|sus|nuestr[oa]s?|vuestr[oa]s?|mon|ma|mes|ton|notre|votre|meu|minha|nosso|nossa|seu|sua|mio|mia|nostro|nostra|mijn|ons|onze|uw|het|de|l['’]|abonnement|abbonamento|suscripci[óo]n|assinatura|subscription|account|compte|conta|cuenta|plano?|piano|abo\w*)\b)[\w+„“""'-]+(\s(extra|adicional(es)?|aggiuntiv[oi]|suppl[ée]mentaires?))?|(?-i:\s(?!I\b)[\p{Lu}][\w+-]*(\s(?!I\b)[\p{Lu}][\w+-]*)?)" + NameAdjective + @")?)|(?<name>\b[\w-]*(add[- ]?ons?|zusatzmodul\w*|zusatzpaket\w*|complemento|suplemento|pacote|pacchetto|pakket)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex AddOnName();

    // An add-on named by a capitalised word beside it: "SMS add-on", "Reporting pack", "SMS-Paket", "pacchetto SMS", "module Rapports".
    [GeneratedRegex(@"(?<name>(?!(?-i:Sie|Ihr\w*|Wir|Ich|Das|Die|Der|Den|Dem|Unser\w*|Bitte|Und|The|Our|Your|This|That|Please|I)\b)(?-i:[\p{Lu}][\w+-]*)(\s(?!(das|die|der|den|dem|the|our|your|this|that)\b)[\w+-]+)?[\s-](add[- ]?ons?|pack|paket|module|modul)|(paquete|complemento|suplemento|pacote|pacchetto|modulo|m[óo]dulo|module|pakket|option|opci[óo]n|opzione|op[çc][ãa]o|optie|componente aggiuntivo)\s((de|di|do|da|del|van|voor)\s)?(?-i:[\p{Lu}][\w+-]*)(\s(?-i:[\p{Lu}][\w+-]*))?" + NameAdjective + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex NamedAddOn();

    // "l'option Rapports avancés", "el complemento Informes avanzados", "il modulo Report avanzati": an adjective after the
    // capitalised name (French, Spanish, Portuguese and Italian put it there) is part of the name.
    private const string NameAdjective = @"(\s(?-i:\p{Ll}[\w-]*(é|ée|és|ées|if|ive|ifs|ives|ique|iques|aire|aires|ado|ada|ados|adas|ido|ida|idos|idas|ivo|iva|ivos|ivas|ico|ica|icos|icas|ato|ata|ati|ate|ale|ali|ales)\b))?";

    [GeneratedRegex(@"\b(next|following|upcoming|coming) (invoice|bill)|pr[óo]xima factura|n[äa]chste[nr]? rechnung|prochaine facture|pr[óo]xima fatura|prossima fattura|volgende factuur", RegexOptions.IgnoreCase)]
    private static partial Regex NextInvoice();

    // "so we're not billed again", "stop charging us", "que no se me vuelva a cobrar", "nichts mehr abbuchen", "ne plus être
    // prélevé", "não ser mais cobrado", "non addebitare più nulla", "niets meer afschrijven".
    [GeneratedRegex(@"\b(not (be )?(billed|charged|invoiced) (again|any ?more)|never (be )?(billed|charged) again|stop (billing|charging)|no (more|further) (charges|payments|billing|invoices)|(vuelva|vuelvan) a cobrar|no (se )?(me|nos) (cobr\w+|factur\w+) m[áa]s|dejen de cobrar\w*|(nichts|nicht) mehr (ab)?(buchen|abgebucht|berechnen|berechnet|belasten)|keine (weiteren )?(abbuchungen|zahlungen|kosten) mehr|ne plus (être |nous |me )?(pr[ée]lev\w*|factur\w*|d[ée]bit\w*)|plus (aucun|de) pr[ée]l[èe]vement|n[ãa]o (ser|seja|sejamos|voltar a ser) (mais )?cobrad\w*|parem de cobrar|non (essere )?pi[ùu] addebitat\w*|non addebita\w* pi[ùu]|smettete di addebitare|niet meer (worden )?(afgeschreven|gefactureerd|afschrijven|factureren)|niets meer afschrijven|geen (afschrijvingen|kosten) meer)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NoMoreCharges();

    // An e-mail footer's notice ("If you are not the intended recipient, please notify the sender"): no ask of the customer's.
    [GeneratedRegex(@"\b(intended recipient|confidentiality notice|this (e-?mail|message) (and any attachments )?(is|are|may be) (confidential|privileged)|destinatario previsto|destinataire|destinat[áa]rio|beoogde ontvanger|Empf[äa]nger dieser|vertraulich|riservat[oa])\b", RegexOptions.IgnoreCase)]
    private static partial Regex Disclaimer();

    // Handing the plan, its remaining months, seats or licences, or the account to someone else.
    [GeneratedRegex(@"(?<!\b(bank|by|via|wire|per|par|por|de|em|con|mit|met|a|the|une?|el|la|o|il)\s)\b(transfer\w*|transf[ée]r\w*|transferir\w*|transfira\w*|traspas\w*|[üu]bertrag\w*|[üu]berschreib\w*|trasferi\w*|overdrag\w*|overdoen|overzet\w*|ced(er|e|a|an|ere|ete)|pass(er|ar|are) (à|a|para))\b(\W+\w+){0,5}?\W+(the rest|remaining|remainder|months?|subscription|plan|licen[cs]es?|seats?|ownership|mois|abonnement|licences?|meses|suscripci[óo]n|licencias?|plazas|monate|abo\w*|lizenz\w*|vertrag|assinatura|licen[çc]as?|lugares|mesi|abbonamento|licenze|posti|maanden|licenties?|plaatsen)\b|\b(account|cuenta|conta|konto|compte|conto|abonnement|abbonamento|suscripci[óo]n|assinatura|plan|abo)\b(\W+\w+){0,3}?\W+(a nombre de|auf den namen|au nom de|em nome d[aeo]|a nome di|op naam van|in(to)? the name of)", RegexOptions.IgnoreCase)]
    private static partial Regex Transfer();

    // Charges beside the plan: seats, licences, extensions, an upgrade, overage, usage, annual billing.
    [GeneratedRegex(@"\b(upgrade\w*|mise [àa] niveau|surclassement|seats?|licen[cs]es?|extensions?|extension|erweiterung\w*|zusatz\w*|plätze|lizenz\w*|asientos?|licencias?|extensi[óo]n|si[èe]ges?|licences?|lugares|licen[çc]as?|posti|licenze|estensione|plaatsen|licenties?|uitbreiding|overage|usage|annual|yearly|anual|j[äa]hrlich|jahres\w*|annuel\w*|annuale|jaarlijks)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExtraWord();

    [GeneratedRegex(@"\b(auto[- ]?renew\w*|automatic renewal|renewal|verl[äa]ngerung|renovaci[óo]n|renouvellement|renova[çc][ãa]o|rinnovo|verlenging)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Renewal();

    [GeneratedRegex(@"\b(cancel\w*|terminat\w*|close (my|our|the) (account|subscription)|end (my|our|the) (plan|subscription|contract)|dar(me|nos)? de baja|baja|anul\w*|k[üu]ndig\w*|beend\w*|annul\w*|r[ée]sili\w*|encerrar|disdi\w*|disdett\w*|annull\w*|opzeg\w*|stopzet\w*|be[ëe]indig\w*)", RegexOptions.IgnoreCase)]
    private static partial Regex CancelVerb();

    // What the policy does anyway: the end of the paid term, the billing period, the renewal, the contract.
    [GeneratedRegex(@"\b(end of (the|my|our|this|the current) (term|billing (period|cycle)|period|subscription|contract|paid period)|(at|on|before|from) (the )?renewal|when (it|the plan|the subscription) renews|next renewal|so (that )?(it|the plan|the subscription|we) (does not|doesn't|won't|will not|is not|isn't|are not|aren't) (auto-?)?renew(ed)?|(does not|doesn't|won't|will not) (auto-?)?renew|fin(al)? del? (periodo|per[íi]odo|contrato|ciclo)|(zum|bis zum|am) (ende der laufzeit|laufzeitende|vertragsende|ende des abrechnungszeitraums)|zum n[äa]chstm[öo]glichen (termin|zeitpunkt)|fristgerecht|fin de (la p[ée]riode|l'engagement|mon engagement|l'abonnement)|[àa] (l'[ée]ch[ée]ance|[ée]ch[ée]ance)|fim do (per[íi]odo|contrato|ciclo)|fine del (periodo|contratto)|alla scadenza|einde van de (looptijd|periode|contractperiode)|aan het einde van (het|de) (contract|abonnement|periode))\b", RegexOptions.IgnoreCase)]
    private static partial Regex EndOfTerm();

    [GeneratedRegex(@"\b(immediately|right away|right now|straight away|asap|as soon as possible|effective (today|now|immediately)|as of today|from today|today|now|inmediata\w*|de inmediato|ya mismo|ya(?=\s*(pq|porque|por favor|porfa|[.,!]|$))|hoy mismo|a partir de hoy|cuanto antes|sofort\w*|ab sofort|umgehend|ab heute|noch heute|imm[ée]diat\w*|d[èe]s aujourd'hui|d[èe]s maintenant|tout de suite|au plus vite|imediata\w*|j[áa]|hoje mesmo|a partir de hoje|o quanto antes|immediata\w*|subito|da oggi|oggi stesso|al pi[ùu] presto|direct|per direct|onmiddellijk|vandaag nog|per vandaag|zo snel mogelijk)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CancelNowWords();

    [GeneratedRegex(@"\b(from|as of|effective|with effect from|starting|on|by|dated|a partir del?|desde el|el d[íi]a|con fecha( de| del)?|con efecto( desde| a partir del?)?|ab dem|ab|zum|per|mit Wirkung (zum|ab)|mit Datum|[àa] partir du|au|[àa] compter du|avec effet (au|[àa] partir du)|en date du|a partir de|desde|com (data|efeito)( de| a partir de)?|a partir dal|dal|con effetto dal|con decorrenza( dal)?|in data|entro il|vanaf|per|met ingang van|per datum|(le|el|il|op|am|em|no dia|the)(?=\s+\d{1,2}\b))\b", RegexOptions.IgnoreCase)]
    private static partial Regex CancelFrom();

    [GeneratedRegex(@"\b(end of (the|this|next) month|month'?s end|(a|al) final(es)? de(l)? mes|fin de mes|zum monatsende|(zum|am) ende (des|dieses) monats|(à la )?fin du mois|(no )?fi(m|nal) do m[êe]s|(a )?fine (del )?mese|(aan het |per )?einde van de maand|eind van de maand)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthEnd();

    [GeneratedRegex(@"[.;!?\n]|[€$£]|\b(and|but|also|y|pero|und|aber|et|mais|e|mas|ma|en|maar|ook|because|porque|weil|parce|perch[ée]|omdat)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimingStop();

    [GeneratedRegex(@"\b(immediately|right away|inmediatamente|de inmediato|sofort|ab sofort|umgehend|imm[ée]diatement|imediatamente|subito|immediatamente|onmiddellijk|per direct|direct)\b[\s,]*(\w+\s*){0,2}$", RegexOptions.IgnoreCase)]
    private static partial Regex ImmediatelyBefore();

    [GeneratedRegex(@"^\s*(it|them|this|that|es|ihn|sie|lo|la|le|les|o|a|het|dat|ze)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ItAfter();

    // Clitics before the verb: "lo eliminen", "le supprimer", "lo rimuovete", "o removam", "het verwijderen", "es entfernen".
    [GeneratedRegex(@"\b(lo|la|le|l'|o|a|het|hem|ze|es|ihn)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ItBefore();

    [GeneratedRegex(@"\s(it|this|that|them)\s", RegexOptions.IgnoreCase)]
    private static partial Regex ItInside();

    // "Können Sie das bitte erstatten und wieder entfernen?", "could you refund this and remove": the pronoun after "you" is the object.
    [GeneratedRegex(@"\b(sie|you|u|jij|vous|voi|lei)\s+(das|es|dies|it|this|that|dat|het|dit)\b[^.?!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex PronounObject();

    /// <summary>
    /// "Das Add-on Telefonie … Bitte wieder entfernen und die 89 € erstatten": a removal with no object of its own, in a
    /// clause that names nothing else to remove, is of the add-on the message names.
    /// </summary>
    private static bool Objectless(string clause, string text, Match verb)
    {
        var at = text.IndexOf(clause, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var before = text[at..verb.Index];
        var after = text[(verb.Index + verb.Length)..(at + clause.Length)];
        after = after[..(TimingStop().Match(after) is { Success: true } stop ? stop.Index : after.Length)];
        return !ObjectWords().IsMatch(before + " " + after);
    }

    // An article or possessive with its noun: something named as the object of the verb.
    [GeneratedRegex(@"\b(the|my|our|your|a|an|das|den|die|dem|mein\w*|unser\w*|ihr\w*|el|la|los|las|mi|nuestr\w*|le|les|mon|ma|mes|notre|nos|o|os|meu|minha|nosso|nossa|il|lo|gli|mio|mia|nostr\w*|het|de|mijn|ons|onze)\s+\p{L}", RegexOptions.IgnoreCase)]
    private static partial Regex ObjectWords();

    /// <summary>A clause is about the intent when it names it (refund, credit, cancel, data…), money, a date or a charge.</summary>
    private static bool Covered(string clause, IReadOnlyList<string> asks, DateOnly today)
    {
        // No ask the facts know (an intent read from a policy rule, e.g. an invoice correction): any of the words counts.
        var any = asks.Count == 0;
        bool Ask(string ask) => any || asks.Contains(ask);
        if (IsWhy(clause))
        {
            return false; // "why was I charged twice?": an explanation is asked, and a template reply gives none
        }

        if (PlanChange().IsMatch(clause) && !Conditional().IsMatch(clause))
        {
            return false; // "and move us back to Growth": no intent changes a plan, and a refund reply would ignore it
        }

        if (PersonAsked().IsMatch(clause))
        {
            return false; // "can someone call me back on +44 …", "I also want to complain about your agent": a person answers
        }

        return Money().IsMatch(clause) || DateParsing.FirstDate(clause, today) is not null
            || ((Ask(CaseAsks.Refund) || Ask(CaseAsks.Credit) || Ask(CaseAsks.Cancel)) && (FollowUpAction().IsMatch(clause) || RemoveVerb().IsMatch(clause)))
            || (Ask(CaseAsks.Cancel) && UntilWhen().IsMatch(clause)) // "bis wann haben wir noch Zugriff?": the reply says until when
            || ((Ask(CaseAsks.Refund) || Ask(CaseAsks.Credit)) && ChargeWord().IsMatch(clause))
            || (Ask(CaseAsks.Refund) && (RefundWord().IsMatch(clause) || RefundTiming().IsMatch(clause)))
            || (Ask(CaseAsks.Credit) && (CreditWord().IsMatch(clause) || NextInvoice().IsMatch(clause))) // where a credit shows is what the reply says
            || (Ask(CaseAsks.Cancel) && CancelWord().IsMatch(clause))
            || (Ask(CaseAsks.DataAccess) && DataWord().IsMatch(clause))
            || (any && InvoiceWord().IsMatch(clause));
    }

    // A call back asked for, or a complaint about one of our people: no template reply answers either.
    [GeneratedRegex(@"\b((a|an|einen|un|une|uma|una|een|ein) (meeting|termin|gespr[äa]ch|reuni[óo]n|r[ée]union|rendez-vous|reuni[ãa]o|riunione|incontro|afspraak|overleg|video ?call)|call with (someone|somebody|an engineer|your (team|engineers?|cto|manager))|call (me|us) back|call (me|us) (on|at)|ring (me|us)|phone (me|us)|give (me|us) a (call|ring)|call-?back|talk (it through )?(on|by|over) the phone|complain(t)? about (your|the|an|one of your) (\w+ )?(agent|staff|support (agent|person|rep)|employee|colleague|rep(resentative)?)|ll[áa]m(e|en)(me|nos)|llamarme|devolver(me|nos) la llamada|rufen sie (mich|uns) (\S+ ){0,3}an|r(?:ü|ue|u)ckruf|beschwerde [üu]ber (ihren|ihre|den|die|einen|eine) (\w+ )?(mitarbeiter\w*|agent\w*|kollege\w*)|rappelez-(moi|nous)|me rappeler|nous rappeler|appelez-(moi|nous)|plainte (contre|concernant|au sujet de) (votre|l'|un|une) ?(agent|conseill\w*|employ\w*)|ligu(em|e)-(me|nos)|me liguem|ligar-me|reclama[çc][ãa]o (sobre|contra) (o|a|um|uma) (seu |sua )?(agente|atendente|funcion[áa]ri\w*)|chiamatemi|richiamatemi|richiamarmi|reclamo (su|sul|contro) (il |un |vostro |un vostro )?(operatore|agente|dipendente)|bel (me|ons) (terug|op)|terugbellen|klacht over (uw|jullie|de|een) (\w+ )?(medewerker|agent))\b", RegexOptions.IgnoreCase)]
    private static partial Regex PersonAsked();

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
        // "Hello, We need someone to look at this today.": the greeting folded into the first sentence is not the ask.
        var t = LeadingGreeting().Replace(s.Trim(), "").TrimEnd(',', ';');
        return t.Length <= MaxQuote ? t : t[..MaxQuote].TrimEnd() + "…";
    }

    // Not after "12." ("am 12. November"): a German or Dutch ordinal date is no sentence end.
    /// <summary>A request joined by "and": "and change…", "und ändern Sie…", "et changez…", "e cambiate…", "e mudem…".</summary>
    private const string Imperative = @"(and|und|et|e|y|en) ((change|send|update|give|extend|add|remove|move|switch|upgrade|downgrade|reset|fix|tell|explain|confirm|delete|transfer|set|put|make|re-?issue|correct)\b|\w+n sie\b|\w+ez\b|\w+ate\b|\w+em\b)";

    [GeneratedRegex(@"^(hi|hello|hey|hiya|dear (team|support|all|sir|madam|\w+)|good (morning|afternoon|evening)|hola|buenos d[íi]as|buenas( tardes)?|hallo( zusammen)?|guten (tag|morgen)|bonjour|bonsoir|ol[áa]|bom dia|boa tarde|ciao|buongiorno|salve|hoi|goedemorgen|goedemiddag|goedendag|goedenavond|beste \w+)\s*[,!:]\s+(?=\p{L})", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingGreeting();

    // Not after "Nr.", "Dr.", "bzw." ("mit unserer neuen USt-IdNr. DE298765432 neu auszustellen" is one sentence).
    [GeneratedRegex(@"(?<=(?<!\d|Nr|\b(Ref|Inv|Mr|Mrs|Ms|Dr|St|ca|bzw|vs|Co|Ltd|Inc|Hr|Fr|Sra?|Mme|ggf|evtl|Art|Abs|Tel))\.|[!?;])\s+|\n+|(?=¿)")]
    private static partial Regex SentenceSplit();

    // ", and can you…", " and also…", ", y además…", "; de paso…", ", und außerdem…", ", et aussi…", ", e também…", ", e inoltre…", ", en ook…"
    [GeneratedRegex(@",?\s+(?=(and (also|can|could|would|please|will)|also,? (can|could|please|i)|plus|y además|y,? de paso|de paso|y también|además|by the way|btw|e,? j[áa] agora|j[áa] agora|e,? a prop[óo]sito|au passage|et,? au fait|au fait|nebenbei|[üu]brigens|tra l'altro|e,? gi[àa] che ci sono|trouwens|tussen haakjes|und (außerdem|bitte|auch|können)|außerdem|et (aussi|pourriez|pouvez|merci de)|e (também|ainda|podem|poderiam)|além disso|e (inoltre|potete|potreste|anche)|inoltre|en (ook|kunt|kunnen|graag)|daarnaast|verder)\b)|,\s+(?=(can|could|would|will) you\b)|,?\s+(?=" + Imperative + ")", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex ClauseSplit();

    [GeneratedRegex(@"(^|\s)\(?[1-9][.)]\s+" + NotAMonth + @"\p{L}")]
    private static partial Regex NumberedItem();

    // "am 8. November", "bis zum 1. Juli": a German or Dutch date, not the item of a list.
    private const string NotAMonth = @"(?!(?i:januar|j[äa]nner|februar|m[äa]rz|april|mai|juni|juli|august|september|oktober|november|dezember|januari|februari|maart|mei|augustus|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dez|dec)\b)";

    [GeneratedRegex(@"(^|\s)[-*•]\s+\p{L}")]
    private static partial Regex BulletItem();

    [GeneratedRegex(@"\s+(?=\(?[1-9][.)]\s+" + NotAMonth + @"\p{L}|[-*•]\s+\p{L})")]
    private static partial Regex ItemSplit();

    // A numbered or bulleted line ("1. refund the charge", "- extend our trial") is one of the things asked.
    [GeneratedRegex(@"^\s*(\d{1,2}[.)]|[-*•])\s+\p{L}")]
    private static partial Regex ListItem();

    // "… and change the billing address", "… und ändern Sie …", "… et changez …", "… e cambiate …", "… e mudem …".
    [GeneratedRegex("^" + Imperative, RegexOptions.IgnoreCase)]
    private static partial Regex JoinedImperative();

    [GeneratedRegex(@"\b(please|pls|plz|can you|could you|would you|will you|can we|could we|can i|could i|(i|we) (would )?ask (you|that you)|(i|we) (also|really|still|just|now|further|additionally|then) (want|need|would like|'d like)|m[öo]chte ich|m[öo]chten wir|h[äa]tte ich gerne?|h[äa]tten wir gerne?|w[üu]rde ich gerne?|brauchen wir|(team|department|accountant|accounting|finance|procurement|bookkeeper|auditor|payables)s? (also |still )?(needs?|requires?|asks? for) (the|a|an|our|this|that) (\S+ ){0,2}(invoice|copy|receipt|credit note|statement|confirmation)|(wir brauchen|brauche ich|ben[öo]tigen wir|wir ben[öo]tigen|ich ben[öo]tige|ben[öo]tige ich) (\S+ ){0,2}(eine?n? |die |den |das )?(Kopie|\w*Rechnung\w*|Best[äa]tigung|Gutschrift|Beleg|Nachweis|Quittung)|((hebben|heb) (we|wij|ik)|(we|wij|ik) (hebben|heb)) (\S+ ){0,2}(een |de )?(kopie|\w*factuur|bevestiging|creditnota)|(nous avons|j'ai) besoin d'une? (\S+ )?(copie|facture|attestation|avoir)|(abbiamo|ho) bisogno di una? (\S+ )?(copia|fattura|conferma|nota di credito)|necesitar[íi]amos (una )?(copia|factura|confirmaci[óo]n)|precisar[íi]amos de uma (c[óo]pia|fatura|confirma[çc][ãa]o)|ci serve|mi serve|ci servirebbe|(nos|me) hace falta|il (nous|me) faut|precisamos (de|saber)|preciso (de|saber)|(i'm|i am|we're|we are) asking (you|that)|ich bitte|bitte ich|wir bitten|bitten wir|je vous (demande|prie)|nous vous (demandons|prions)|(le|les) (pido|pedimos|solicito|solicitamos)|(pe[çc]o|pedimos|solicito|solicitamos) que|vi (chiedo|chiediamo|prego)|(ik|wij|we) verzoek(en)?|verzoeke|i want|we want|i need|we need|i'd like|i would like|we'd like|we would like|let me know|tell me|explain|por favor|pueden|podrían|puede|podría|quiero|queremos|necesito|necesitamos|me gustaría|expliquen|bitte|können sie|könnten sie|kannst du|ich möchte|wir möchten|ich will|wir wollen|ich brauche|erklären sie|s'il vous plaît|svp|pouvez-vous|pouvez vous|pourriez|je veux|nous voulons|je voudrais|nous voudrions|j'aimerais|expliquez|podem|poderiam|pode|poderia|quero|queremos|preciso|gostaria|expliquem|per favore|potete|potreste|può|potrebbe|voglio|vogliamo|vorrei|vorremmo|spiegate|graag|kunt u|kunnen jullie|kun je|ik wil|wij willen|we willen|ik zou graag|leg uit)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RequestMarker();

    [GeneratedRegex(@"\b((move|change|shift|push|align|postpone|bring forward) (\S+ ){0,3}(renewal|billing|invoice|contract|anniversary) (date|day|cycle)|(renewal|billing) (date|day|cycle) (\S+ ){0,3}(moved|changed|shifted)|(cambiar|mover|modificar|adelantar|retrasar|trasladar) (\S+ ){0,3}fecha de (renovaci[óo]n|facturaci[óo]n|cobro)|(Verl[äa]ngerungs|Abrechnungs|Rechnungs|Vertrags)(datum|termin|stichtag|zeitraum) (\S+ ){0,4}(verschieben|[äa]ndern|verlegen|anpassen|umstellen)|(Verl[äa]ngerungs|Abrechnungs|Vertrags)(datum|termin|stichtag) (\S+ ){0,2}(auf|zum|nach) (den )?\d|(d[ée]placer|changer|modifier|d[ée]caler|avancer|reporter) (\S+ ){0,3}date (de renouvellement|de facturation|d'[ée]ch[ée]ance|anniversaire)|(alterar|mudar|mover|adiar|antecipar) (\S+ ){0,3}data de (renova[çc][ãa]o|fatura[çc][ãa]o|cobran[çc]a)|(spostare|cambiare|modificare|anticipare|posticipare) (\S+ ){0,3}data (di|del) (rinnovo|fatturazione|scadenza)|(verlengings|facturatie|factuur|contract)datum (\S+ ){0,3}(verschuiven|wijzigen|aanpassen|verzetten|veranderen)|(verschuiven|wijzigen|aanpassen|verzetten) (\S+ ){0,3}(verlengings|facturatie|factuur|contract)datum)", RegexOptions.IgnoreCase)]
    private static partial Regex RenewalMove();

    /// <summary>"… y no lo necesitamos", "we don't need it anymore", "brauchen wir nicht": a need denied is a statement, not an ask.</summary>
    private static bool NeedDenied(string clause, Match marker) =>
        (NeedWord().IsMatch(marker.Value) || (ModalWord().IsMatch(marker.Value) && NegatorRightBefore().IsMatch(clause.AsSpan(Math.Max(0, marker.Index - 6), Math.Min(6, marker.Index)))))
        && (NeedNegator().IsMatch(clause.AsSpan(Math.Max(0, marker.Index - 14), Math.Min(14, marker.Index)))
            || NegatorAfterNeed().IsMatch(clause.AsSpan(marker.Index + marker.Length)));

    [GeneratedRegex(@"\b(need|necesito|necesitamos|brauche|brauchen|besoin|preciso|precisamos|bisogno|nodig)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NeedWord();

    // "I want to say the product has mostly been fine", "ich möchte mich bedanken": a wish to tell or thank asks nothing.
    [GeneratedRegex(@"^\s+(to\s+)?(say|start( by saying)?|begin( by saying)?|mention|let you know|point out|thank( you)?|add that|note that|tell you|share|stress|emphasi[sz]e|clarify|decir(les|le)?|agradecer\w*|sagen|(mich|uns) (\S+ )?bedanken|danken|dire|remercier|dizer|agradecer|dire(vi)?|ringraziar\w*|zeggen|bedanken)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SayingOnly();

    // "il commercialista non può registrarla", "el banco no puede", "il ne peut pas": a third party's "can" denied tells.
    [GeneratedRegex(@"^(puede|pueden|podr[íi]a|podr[íi]an|pu[òo]|possono|potete|pode|podem|peut|peuvent|pouvez|kann|k[öo]nnen|kan|kunnen)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ModalWord();

    [GeneratedRegex(@"\b(non|no|n[ãa]o|ne|nicht|niet)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex NegatorRightBefore();

    [GeneratedRegex(@"\b(no|not|don't|do not|doesn't|never|no longer|nicht|kein\w*|ne|n'|pas|não|nao|non|niet|geen|ya no)\s+(\w+\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex NeedNegator();

    [GeneratedRegex(@"^\s*(\w+\s+){0,2}(nicht|niet|no more|anymore|plus|mais)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NegatorAfterNeed();

    [GeneratedRegex(@"\b(what('s| is| are) (your|the)|how (long|many days) (is|do|does|have)|quel(le)?s? (est|sont) (votre|vos|le|la|les)|cu[áa]l(es)? (es|son) (su|sus|el|la|los)|wie lange|wie viele tage|welche (frist|richtlinie)|qual( [ée]|s s[ãa]o) (o|a|os|as|seu|sua)|qual [èe] (il|la|lo)|quali sono|hoe lang|wat (is|zijn) (jullie|de|uw))\b[^?.!]{0,60}\b(window|policy|policies|period|deadline|rules|d[ée]lai|politique|conditions|plazo|pol[íi]tica|condiciones|frist|richtlinie|bedingungen|prazo|condi[çc][õo]es|termine|politica|condizioni|termijn|beleid|voorwaarden)", RegexOptions.IgnoreCase)]
    private static partial Regex PolicyQuestion();

    // A question without its mark, told by the word it starts with ("why was I charged twice", "wann kommt das Geld"); the
    // same word inside a story ("you'll know why we were desperate") asks nothing.
    [GeneratedRegex(@"^\W*((and|so|but|y|und|et|e|en|ma|mais|pero|aber|maar)\s+)?(why|when will|how (do|can|come)|por qu[ée]|cu[áa]ndo|c[óo]mo|warum|wieso|wann|pourquoi|quand|quando|porqu[eê]|perch[ée]|waarom|wanneer)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionStart();

    [GeneratedRegex(@"^\W*(hi|hello|hey|dear|thanks|thank you|thx|cheers|regards|best|kind regards|many thanks|thanks in advance|can you help( me| us)?|please help|please advise|any help|hola|buenos días|buenas|gracias|muchas gracias|saludos|un saludo|hallo|guten tag|danke|vielen dank|grüße|viele grüße|bonjour|merci|merci d'avance|cordialement|olá|bom dia|boa tarde|obrigad[oa]|cumprimentos|ciao|buongiorno|grazie|saluti|cordiali saluti|hoi|goedendag|bedankt|dank je|groeten|met vriendelijke groet)\b[\W\w]{0,25}$", RegexOptions.IgnoreCase)]
    private static partial Regex Courtesy();

    // "Forwarding this from our finance team - can you help?": the help asked for is what the forwarded part says.
    [GeneratedRegex(@"\b(forward(ing|ed)? (this|the (below|message|email|mail|thread))|(can|could) you (please )?help( me| us)?( with (this|that|it))?\s*[?.!]*\s*$|(can|could) you (please )?sort (me|us|this|it|that) out\s*[?.!]*\s*$|(te|les|os) reenv[ií]o|reenv[ií]o (este|el)|leite (das|dies|die|diese) \w* ?weiter|ich leite|je (te|vous) transf[èe]re|encaminho (este|a|o)|vi inoltro|inoltro (questo|la)|ik stuur (dit|je|u) door|stuur dit door|"
        // "Hello, please see below from our accounts team": the pointer to the forwarded part asks nothing itself.
        + @"(please )?see (below|the (e-?mail|mail|message|thread|note) below|attached|the attached|the forwarded)|as per below|siehe (unten|die (e-?mail|nachricht) unten)|(ver|vea|mira) (abajo|debajo|el correo de abajo)|voir ci-dessous|(veja|ver) abaixo|vedi (sotto|qui sotto)|zie (hieronder|onder))", RegexOptions.IgnoreCase)]
    private static partial Regex Forwarding();

    [GeneratedRegex(@"\b(refund\w*|ref(n|ud|nu)d\w*|refun|rfund\w*|reimburs\w*|money back|back|revers\w*|storn\w*|anul\w*|re{1,2}[mn]b[oó]ls\w*|devoluci[óo]n|devu[ée]lv\w*|devolv\w*|re{1,2}[mn]bolso|(r(?:ü|ue|u)ck)?erstatt\w*|geld|zur(?:ü|ue|u)ck\w*|rembour[sc]{1,2}\w*|devolu[çc][ãa]o|estorn\w*|rimbors\w*|terugbetal\w*|terugstort\w*|terugboek\w*|terug|zur(?:ü|ue|u)ck\w*|de volta|dinheiro|indietro|soldi|geld|sort\w* out|double charge|duplicate charge)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RefundWord();

    [GeneratedRegex(@"\b(charge\w*|charg|billed|paid|payment|renewal|cobr\w*|carg\w*|pago|abbuch\w*|abgebucht|bezahlt|prélev\w*|débit\w*|cobran[çc]a|pagamento|addebit\w*|afschrijving|afgeschreven|betaald|betaling)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChargeWord();

    [GeneratedRegex(@"\b(credit\w*|compensat\w*|sla|outage|downtime|cr[ée]dito|compensaci[óo]n|ca[íi]da|gutschrift|entsch[äa]digung|ausfall|avoir|crédit|indemnisation|panne|compensa[çc][ãa]o|credito|risarcimento|disservizio|tegoed|compensatie|storing|owed|entitled to|due (a|any|some)|anything back|tenemos derecho|haben wir (einen )?anspruch|avons-nous droit|avons droit|temos direito|abbiamo diritto|hebben we recht)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CreditWord();

    [GeneratedRegex(@"\b(cancel\w*|subscription|plan|account|renew\w*|renovar|verl[äa]nger\w*|renouvel\w*|rinnov\w*|verleng\w*|baja|suscripci[óo]n|k[üu]ndig\w*|abo\w*|konto|résili\w*|abonnement|compte|assinatura|conta|disdett\w*|abbonamento|opzeg\w*|account)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CancelWord();

    [GeneratedRegex(@"\b(data|gdpr|datos|rgpd|daten|dsgvo|données|dados|lgpd|dati|gegevens|avg)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DataWord();

    // A nudge is no new ask: "any update?", "Gibt es schon eine Antwort?", "¿hay novedades?", "des nouvelles ?".
    [GeneratedRegex(@"\b(any (answer|update|news|reply|progress)s?( yet| on this)?|gibt es (schon |inzwischen |mittlerweile )?(eine |etwas )?(antwort|neuigkeiten|neues|r(?:ü|ue|u)ckmeldung)|(alguna|hay) novedad(es)?|(alguna )?respuesta( ya)?|des nouvelles|du nouveau|une r[ée]ponse|(alguma )?novidade|(j[áa] )?(h[áa] )?(alguma )?resposta|novit[àa]|(qualche |una )?risposta|(al )?nieuws|is er al (een )?(antwoord|reactie|update)|confirm\w*|let (me|us) know|keep (me|us) (posted|updated|informed)|get back to (me|us)|looking forward|hear (back|from you)|conf[íi]rm\w*|av[íi]s\w*|h[áa]ganme saber|me dicen|espero (su|tu) respuesta|bescheid|best[äa]tig\w*|r(?:ü|ue|u)ckmeldung|informieren sie mich|tenez-moi|pr[ée]venez|tiens-moi|dans l'attente|me avisem|me informem|aguardo|fatemi sapere|fammi sapere|avvisatemi|tenetemi aggiornat\w*|in attesa|laat (me|het) (even |maar )?weten|bevestig\w*|houd? me op de hoogte)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HearBack();

    /// <summary>
    /// A "why" asked: an unambiguous why-word anywhere, or "perché", "porque", "por que" opening a question — in Italian,
    /// Spanish and Portuguese the same word says "because" ("cerramos el estudio porque…").
    /// </summary>
    private static bool IsWhy(string clause) => Why().IsMatch(clause) || (clause.Contains('?') && WhyOpening().IsMatch(clause));

    [GeneratedRegex(@"\b(why|how come|por qu[ée]|warum|wieso|weshalb|pourquoi|porquê|come mai|waarom|hoe komt)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Why();

    [GeneratedRegex(@"\b(until when|how long (will|do|can) (we|i) (still )?(have|keep)|when (does|will) (it|the plan|my plan|our plan|access) (end|stop|run out)|hasta cu[áa]ndo|bis wann|jusqu'[àa] quand|at[ée] quando|fino a quando|tot wanneer|hoe lang (hebben|houden) (we|wij|ik))\b", RegexOptions.IgnoreCase)]
    private static partial Regex UntilWhen();

    [GeneratedRegex(@"^\W*(\w+\W+){0,2}(porque|por que|perch[ée])\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhyOpening();

    // What the action plan carries out with a refund, credit or cancellation: remove the add-on or seats, stop
    // the renewal, send the credit note or corrected invoice.
    [GeneratedRegex(@"\b(remove|delete|take off|drop|stop|turn off|deactivate|switch off|credit note|(corrected|new|fresh|updated|revised) (invoice|receipt|copy)|receipt|quit\w*|elimin\w*|borr\w*|dar de baja|nota de cr[ée]dito|factura rectificativa|recibo|entfern\w*|l[öo]sch\w*|abbestell\w*|gutschrift|rechnungskorrektur|korrigierte rechnung|quittung|supprim\w*|retir\w*|arr[êe]t\w*|facture (rectificative|corrigée)|re[çc]u|remov\w*|exclu\w*|cancel\w*|rimuov\w*|togli\w*|disattiv\w*|nota di credito|ricevuta|verwijder\w*|stopzet\w*|creditnota|bonnetje)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FollowUpAction();

    // A change of plan, tier or billing cycle asked ("downgrade us", "move us back to Growth", "cambiar de plan",
    // "auf den Growth-Tarif wechseln", "passer à la formule", "mudar de plano", "passare al piano", "overstappen naar").
    [GeneratedRegex(@"\b(downgrad(e|es|ing)\b|upgrade (us|me|our (account|team|workspace|plan)|my (account|plan)) to|(annual|yearly|monthly) billing|(move|switch|put|take|bring|change|moving|switching|putting) (us|me|our (account|team|workspace|plan|subscription)|my (account|plan|subscription)|the (account|plan|subscription))( (back|down))? (to|on|onto)\b|(switch|change|move|go) (back )?to (the |a |our |a cheaper |a smaller )?(\w+ )?(plan|tier|package|edition)|(smaller|cheaper|lower|previous|old) (plan|tier|package)|cambi\w* (de|el|nuestro|mi) plan|(bajar|pasar|volver|cambiar)\w* (de plan|al plan|a un plan|a el plan)|plan (inferior|m[áa]s barato|anterior)|herabstuf\w*|zur(?:ü|ue|u)ckstuf\w*|(tarif|plan|paket)(wechsel|[äa]nderung)|(tarif|plan|paket) (wechseln|[äa]ndern|umstellen)|(kleiner\w*|g[üu]nstiger\w*|vorherig\w*|alt\w*) (tarif|plan|paket)|umstellen auf|r[ée]trograd\w*|(changer|passer|revenir)( \w+)? (de|à|a|au|sur) (la |l')?(formule|offre|plan|forfait)|(formule|offre|forfait) (inférieure|moins chère|précédente)|(mudar|trocar|passar|voltar)( \w+)? (de|o|para o|ao|pro) plano|plano (inferior|mais barato|anterior)|(cambiare|passare|tornare)( \w+)? (piano|al piano|a un piano)|piano (inferiore|pi[ùu] economico|precedente)|declass\w*|overstap\w*|(lager|goedkoper|kleiner|vorig) (abonnement|pakket|plan)|(abonnement|pakket|plan) (wijzigen|aanpassen|verlagen)|terug naar (het |ons )?\w+[- ]?(abonnement|pakket|plan))\b", RegexOptions.IgnoreCase)]
    private static partial Regex PlanChange();

    [GeneratedRegex(@"\b(invoice\w*|receipt|vat|po|purchase order|copy|copia|kopie|copie|c[óo]pia|factura\w*|rechnung\w*|ust|factur\w*|tva|fatura\w*|fattura\w*|iva|factuur\w*|btw)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InvoiceWord();

    [GeneratedRegex(@"[€$£]|\b\d+([.,]\d+)?\s?(eur|euros?|usd|dollars?|gbp|pounds?|chf|brl|reais)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Money();

    [GeneratedRegex(@"\b(how long|how soon|when (will|would|do|can) (i|we) (get|see|receive)|cu[áa]nto tarda|cu[áa]ndo (recibir[ée]|llegar[áa]|ver[ée])|wie lange|wann (bekomme|erhalte|sehe)|combien de temps|quand (vais-je|recevrai)|quanto tempo|quando (vou|receberei)|quanto ci vuole|quando (riceverò|arriverà)|hoe lang|wanneer (krijg|ontvang))\b", RegexOptions.IgnoreCase)]
    private static partial Regex RefundTiming();

    // A question about what would happen, not a request: "if I cancel today, would I get…", "si cancelo hoy, ¿me devolverían…".
    // Not "If you could refund…", "si pudieran…", "wenn Sie … könnten", "se possibile": polite requests.
    [GeneratedRegex(@"^\W*(if|si|wenn|falls|se|als)\b(?!\s+(you|u|vous|usted|ustedes|sie|voc[êe]s?|voi|jullie|possible|posible|poss[íi]vel|possibile|mogelijk|m[öo]glich|pudieran|pueden|puede|podr[íi]an|pouviez|pouvez|puderem|poteste|potete)\b)|[:,;—–-]\s*(if (i|we)|si (je|j'|nous|on|cancelo|cancelamos|me doy|anulo)|wenn (ich|wir)|falls (ich|wir)|se (eu|io|cancelar|disdico|annullo)|als (ik|we|wij))\b|\b(would i|would we|will i|do i|would it be refunded|me devolver[íi]an|bekäme ich|würde ich|recevrais-je|aurais-je|eu receberia|receberia|riceverei|avrei|zou ik|krijg ik dan)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Conditional();

    // "If not, please remove it": the negation is the condition's, not the request's.
    [GeneratedRegex(@"\b(if|si|wenn|falls|se|als)\s+(not|no|nicht|pas|n[ãa]o|niet)\b[\s,]*(\w+\s*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex IfNot();

    // "If not, please get it refunded and removed", "if so please refund": a request on a condition the message settles.
    [GeneratedRegex(@"^\W*(if (not|so|that's the case|that is the case|we didn't|we did not)|si no|si (c'est|ce n'est) (le cas|pas le cas)|wenn nicht|falls nicht|se n[ãa]o|se no|als (dat )?niet)\b[\s,]*(please|pls|por favor|bitte|s'il vous pla[iî]t|merci de|per favore|graag|alstublieft)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConditionalRequest();

    // Nothing asked yet, said in words: "I'm not asking for anything yet", "just wondering", "je me renseigne", "no pido nada
    // todavía", "ich frage nur", "só por curiosidade", "chiedo solo", "ik vraag het alleen maar". Not "just asking for my money back".
    [GeneratedRegex(@"\b((not|n't) (asking|requesting) (for )?(anything|it|a refund|that) (yet|for now|right now|at this (point|stage))|just (wondering|curious)|just asking(?! (for|you))|out of curiosity|hypothetically|before i (decide|make a decision)|je ne (demande|réclame) rien( encore| pour l'instant| pour le moment)?|je me renseigne|par curiosité|avant de (décider|me décider)|no (pido|solicito|reclamo) nada( todav[íi]a| a[úu]n| por ahora)?|solo (pregunto|por curiosidad|quiero saber)|por curiosidad|antes de decidir(me)?|ich frage (nur|erst ?mal|zun[äa]chst nur)|nur (aus neugier|interessehalber)|reine neugier|bevor ich mich entscheide|ich beantrage (noch )?nichts|s[óo] (estou perguntando|por curiosidade|quero saber)|n[ãa]o estou (pedindo|solicitando) nada|por curiosidade|antes de decidir|chiedo solo|solo per curiosit[àa]|per curiosit[àa]|non chiedo (ancora )?(nulla|niente)|prima di decidere|ik vraag het (alleen|gewoon)( maar)?|uit nieuwsgierigheid|ik vraag (nog )?niets|voordat ik (beslis|besluit))\b", RegexOptions.IgnoreCase)]
    private static partial Regex JustAsking();

    // Policy: a refund goes back to the card or account that paid. Another card, a bank transfer, a wallet, another person.
    [GeneratedRegex(@"(?-i:\b[A-Z]{2}\d{2}(\s?[A-Z0-9]{4}){2,7}\b)|\b(to|onto) (the|our|my|a|your) (company|business|corporate|work|personal|other|new|different|second) (card|visa|amex|american express|mastercard|credit card|debit card|account)\b|\b(a|en) la tarjeta (de la empresa|corporativa|de empresa)|\bauf (die|unsere) (Firmen(kredit)?karte|Gesch[äa]ftskarte)|\bsur la carte (de l'entreprise|de la soci[ée]t[ée]|professionnelle|pro)\b|\bpara o cart[ãa]o (da empresa|corporativo)|\bsulla carta (aziendale|della (societ[àa]|ditta))|\bop (de|onze) (zakelijke|bedrijfs)(creditcard|kaart| creditcard| kaart)|\b(iban|bank transfer(?<!\b(paid|pay|paying|payed|settled)\b[^.!?]{0,60}\b(by|via|through) bank transfer)|wire transfer|wire it|to my (new|other|different|second) (card|account)|(a|another|a different|my new|the new) card|paypal|venmo|revolut|in cash|refund (him|her|them) |(his|her|their) (own |separate )?(account|subscription|plan)|(a|another|a separate|a different|their|the other) (separate )?account with you|my client'?s?|for a client|one of my clients|(cuenta|suscripci[óo]n) de (mi|un) cliente|mi cliente|meine[sr]? (mandant|klient)\w*|(konto|abo) meine[sr] (mandant|klient)\w*|(mon|ma|un de mes) client\w*|compte de (mon|ma) client\w*|(meu|minha) cliente|conta d[oa] (meu|minha) cliente|(il )?mio cliente|conto del mio cliente|mijn klant|account van (mijn|een) klant|on behalf of|(my|mi|minha|meu|mein\w*|ma|mon|mia|mio|mijn) (colleague|coworker|friend|partner|wife|husband|mother|father|mum|mom|dad|brother|sister|boss)'s (card|account)|(card|account|bank account|cart[ãa]o|tarjeta|karte|carte|carta|kaart|conta( banc[áa]ria)?|cuenta( bancaria)?|konto|bankkonto|compte( bancaire)?|conto( bancario)?|rekening|bankrekening) (of|d[aoe]|de la|de mi|del|della|van|von|meine[rs]) (my |minha |meu |mi |mia |mio |mijn |ma |mon )?(colleague|friend|wife|husband|partner|associate|colega|amig[oa]|esposa|esposo|marido|mujer|madre|padre|socio|socia|kolleg\w*|freund\w*|gesch[äa]ftspartner\w*|teilhaber\w*|coll[èe]gue|ami|amie|femme|mari|associ[ée]e?|m[ãa]e|pai|s[óo]ci[oa]|collega|amic[oa]|moglie|marito|vriend\w*|vrouw|moeder|vader|compagn[oa]|compagnon|vennoot|zakenpartner|brother|sister|son|daughter|herman[oa]|hij[oa]|bruder|schwester|sohn|tochter|fr[èe]re|s[œo]e?ur|fils|fille|irm[ãa]o?|filh[oa]|fratello|sorella|figli[oa]|broer|zus|zoon|dochter)|(my|to|on|onto) (personal|private|own) (visa|mastercard|amex|card|credit card|debit card|account|bank account|paypal)|(visa|mastercard|amex|card) ending( in)? \d{4}\b[^.!?]{0,40}\binstead\b|(card|carte|tarjeta|karte|cart[ãa]o|carta|kaart)\s(\S+\s){0,6}(was |has been |is |a [ée]t[ée] |est |fue |ha sido |está |wurde |ist |foi |está |è stata |è |is )?(cancell?ed|closed|expired|blocked|r[ée]sili[ée]e|bloqu[ée]e|expir[ée]e|annul[ée]e|cancelada|bloqueada|caducada|gek[üu]ndigt|gesperrt|abgelaufen|cancelado|bloqueado|expirado|bloccata|scaduta|annullata|chiusa|geblokkeerd|verlopen|opgezegd)|(closed|cancell?ed|lost) (that|the|my|our) (\w+ )?card|(to|into|onto|on|para|pra|na|no|a|à|al|en|auf|aufs|sur|sul|nel|op|naar)\s(a\s|my\s|our\s|the\s|la\s|mi\s|nuestra\s|nossa\s|a nossa\s|minha\s|unser\w*\s|mein\w*\s|das\s|notre\s|mon\s|il nostro\s|nostro\s|mio\s|ons\s|onze\s|mijn\s|de\s)?(\w+\s)?(bank account|conta banc[áa]ria|cuenta bancaria|bankkonto|konto|compte bancaire|compte|conto bancario|conto corrente|bankrekening)|(refund\w*|reimburs\w*|pa(y|id) (it |us |me )?back|re{1,2}[mn]bols\w*|devolu\w*|devolv\w*|(r(?:ü|ue|u)ck)?erstatt\w*|rembour[sc]{1,2}\w*|rimbors\w*|restitu\w*|terugbetal\w*|terugstort\w*|estorn\w*)\b[^.!?]{0,60}\b(in|em|en|auf|nel|in)\s(reais|real brasileiro|brl|usd|us dollars?|d[óo]lares|dollars?|dollari|gbp|british pounds|pounds( sterling)?|libras|sterling|chf|swiss francs|francs suisses|yen|pesos)\b|(card|cart[ãa]o|tarjeta|karte|carte|carta|kaart)\s(\S+\s){0,5}?(of|from|belonged to|belongs to|was|era|d[ae]|de la|der|von|de l'|della|dell'|van)\s(the\s|our\s|a\s|la\s|nuestra\s|unserer\s|notre\s|l'|la nostra\s|nostra\s|onze\s|het\s|de\s)?(old|former|previous|antig[ao]|anterior|ex-?|alte[nr]?|fr[üu]her\w*|ancienne|pr[ée]c[ée]dente|vecchia|precedente|oude|vorige)\s?(company|empresa|firma|unternehmen|soci[ée]t[ée]|entreprise|azienda|societ[àa]|bedrijf|employer)|transferencia|otra tarjeta|nueva tarjeta|(a|en) mi cuenta bancaria|en nombre de|[üu]berweis\w*|andere karte|neue karte|anderes konto|im namen von|virement|autre carte|nouvelle carte|au nom de|transfer[êe]ncia|outro cart[ãa]o|novo cart[ãa]o|em nome de|bonifico|altra carta|nuova carta|a nome di|overboek\w*|andere kaart|nieuwe kaart|rekeningnummer|namens)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Elsewhere();

    [GeneratedRegex(@"\b(half( of)? (it|the|that|this|my|our)|(the|only the|just the) (\w+ )?unused (seats?|licen[cs]es?|users?)|la mitad|(die )?h[äa]lfte|la moiti[ée]|(a )?metade|(la )?met[àa]|de helft|(de |alleen de )?ongebruikte (licenties|plaatsen|gebruikers)|(los |solo los )?(asientos|usuarios|licencias) (no usados|sin usar)|(die )?(ungenutzten|nicht genutzten) (pl[äa]tze|lizenzen|nutzer)|(les )?(si[èe]ges|licences|utilisateurs) (inutilis[ée]s|non utilis[ée]s)|(os )?(lugares|usu[áa]rios|licen[çc]as) (n[ãa]o usad[oa]s|sem uso)|(i )?(posti|utenti|licenze) (non usat[ie]|inutilizzat[ie])|whatever (is|you think is|seems) fair|what(ever)? you think is fair|partial(ly)?|part of (it|the (charge|amount|payment))|pro[- ]?rat(a|ed)|for the (days|weeks|months|time) (i|we) (didn't|did not|never) use|unused (days|time|portion|part)|(the )?(remaining|rest of the|remainder of the) (part|days|weeks|period|month)|(the )?rest of (the|this) (month|period|term)|the remainder|lo que (sea|consideren) justo|(el )?resto del (mes|periodo|per[íi]odo)|la parte (restante|no usada|no utilizada)|(den )?rest (des|dieses) (monats|zeitraums)|(die )?restlichen (tage|wochen)|(le )?reste du mois|(la )?partie (restante|non utilis[ée]e)|(o )?resto do m[êe]s|(a )?parte (restante|n[ãa]o usada)|(il )?resto del mese|(la )?parte (restante|non usata|non utilizzata)|(het )?resterende (deel|gedeelte)|(de )?rest van (de|deze) maand|(het )?ongebruikte (deel|gedeelte)|parte del (cargo|importe|pago)|parcial(mente)?|prorrat\w*|teilweise|anteilig|einen teil|was (sie für )?fair (ist|halten)|partiel(le)?(ment)?|une partie|au prorata|ce qui est juste|parte do (valor|pagamento)|proporcional|o que (for|acharem) justo|in parte|parziale|una parte|quello che (è|ritenete) giusto|gedeeltelijk|naar rato|een deel|wat (redelijk|eerlijk) is)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Partial();
}
