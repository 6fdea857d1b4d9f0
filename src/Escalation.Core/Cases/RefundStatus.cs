using System.Text.RegularExpressions;
using Escalation.Core.Tickets;

namespace Escalation.Core.Cases;

/// <summary>
/// "Where is my refund?": a refund was already made and the customer asks when the money arrives. The question is answered
/// with the day it was made and the day it reaches the card, never with a second refund.
/// </summary>
/// <param name="Question">The customer's words that ask, quoted.</param>
/// <param name="MadeBy"><c>agent</c> (a reply in the thread says it), <c>tier-1</c> (tier 1's attempts say it) or <c>customer</c> (only the customer says it).</param>
/// <param name="RefundedOn">The day the refund was made, when our side recorded it; null when only the customer says so or no day is known.</param>
/// <param name="ExpectedBy">The last day the money is due on the card (<paramref name="RefundedOn"/> plus the refund policy's processing days).</param>
/// <param name="Overdue">The money should already have arrived: a person checks the refund with the payment provider.</param>
/// <param name="ProcessingDays">The refund policy's business days from <paramref name="RefundedOn"/> to <paramref name="ExpectedBy"/>.</param>
public sealed record RefundStatusAsk(string Question, string MadeBy, DateOnly? RefundedOn, DateOnly? ExpectedBy, bool Overdue, int? ProcessingDays);

/// <summary>Reads a <see cref="RefundStatusAsk"/> from a thread.</summary>
public static partial class RefundStatus
{
    /// <summary>Who recorded that the refund was made.</summary>
    public static class Sources
    {
        public const string Agent = "agent";
        public const string TierOne = "tier-1";
        public const string Customer = "customer";
    }

    /// <summary>
    /// The refund-status question of <paramref name="ticket"/>: the latest customer message asks when the money arrives (or
    /// says it has not), and the thread or tier 1 says the refund was made. Null otherwise ("when will I get my refund?"
    /// with no refund made asks for one).
    /// </summary>
    /// <param name="ticket">The submission.</param>
    /// <param name="today">The day the case is decided.</param>
    /// <param name="processingDays">The refund policy's business days until a refund reaches the card; null when it has none.</param>
    /// <param name="alreadyDone">What <see cref="EarlierSteps.AlreadyDone"/> read from the ticket (the customer's "thanks for
    /// the refund"), so it is not read twice.</param>
    public static RefundStatusAsk? Read(CaseSubmission ticket, DateOnly today, int? processingDays, string? alreadyDone)
    {
        var last = ticket.Messages.LastOrDefault(m => m.IsFromCustomer && !string.IsNullOrWhiteSpace(m.Text));
        if (last is null || Question(last.Text!) is not { } question)
        {
            return null;
        }

        // "Please refund it again": a second refund asked, which a person decides; no status answer stands in for it.
        if (AskedAgain().IsMatch(last.Text!))
        {
            return null;
        }

        var (source, on) = Made(ticket, last, today, alreadyDone);
        if (source is null)
        {
            return null;
        }

        DateOnly? by = on is { } d && processingDays is { } n ? AddBusinessDays(d, n) : null;
        return new RefundStatusAsk(question, source, on, by, by is { } due && today > due, by is null ? null : processingDays);
    }

    /// <summary>The words of <paramref name="text"/> that ask when refunded money arrives, quoted; null when none do.</summary>
    /// <remarks>A short nudge ("any update??", "alguma novidade?", "nog nieuws?") after a refund was made asks the same.</remarks>
    public static string? Question(string text)
    {
        if (text.Length <= NudgeLength && Nudge().Match(text) is { Success: true } nudge && !NudgeAboutElse().IsMatch(text))
        {
            return Cases.AskCoverage.ClauseAt(text, nudge.Index);
        }

        foreach (Match m in ArrivalParts.Matches(text))
        {
            // "I still haven't received the corrected invoice" waits for a document, not for money.
            var after = text[(m.Index + m.Length)..Math.Min(text.Length, m.Index + m.Length + 30)];
            if (!NotMoney().IsMatch(after))
            {
                return Cases.AskCoverage.ClauseAt(text, m.Index);
            }
        }

        return null;
    }

    /// <summary>The words of our own reply that say a refund was made ("nous avons remboursé 99 €"), quoted; null when none do.</summary>
    public static string? OursSaysRefunded(string text)
    {
        if (OurRefund().Match(text) is { Success: true } m)
        {
            return Cases.AskCoverage.ClauseAt(text, m.Index);
        }

        // "Hola Diego: devuelto.", "c'est fait, 199 € remboursés", "ich habe die Erstattung über 149 € heute veranlasst": a
        // sentence of ours with the refund and a word that says it is done, none that says it is still to come.
        foreach (var sentence in SentenceEnd().Split(text))
        {
            if (RefundWordOfOurs().IsMatch(sentence) && DoneWord().IsMatch(sentence) && !Pending().IsMatch(sentence))
            {
                return sentence.Trim();
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<=[.!?\n])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\b(today|hoy|heute|aujourd'hui|hoje|oggi|vandaag)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Today();

    private const int NudgeLength = 120;

    [GeneratedRegex(@"\b(any (update|news)|alguma novidade|novidades|(alguna )?novedad(es)?|des nouvelles|du nouveau|neuigkeiten|gibt es (schon |inzwischen )?(etwas )?neues|novit[àa]|aggiornament[oi]|nog nieuws|(enig|al) nieuws)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Nudge();

    // A nudge about something else ("any update on the corrected invoice?") is not about the refund.
    [GeneratedRegex(@"\b(invoice|factura|rechnung|facture|fatura|fattura|factuur|cancel\w*|k[üu]ndig\w*|r[ée]sili\w*|disdi\w*|opzeg\w*|baja|credit\w*|cr[ée]dito|gutschrift|avoir|tegoed|password|contrase[ñn]a|passwort|mot de passe|senha|wachtwoord|login|export\w*|bug|fix\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NudgeAboutElse();

    [GeneratedRegex(@"\b(refund\w*|reimburs\w*|re{1,2}[mn]bols\w*|devuelt[oa]s?|devolvid[oa]s?|devolv(emos|i|eu|imos)\b|devolu[çc][ãa]o|erstatt\w*|r(?:ü|ue|u)ckerstatt\w*|zur(?:ü|ue|u)ckerstatt\w*|zur(?:ü|ue|u)ckgebucht|rembour[sc]{1,2}\w*|estorn\w*|rimbors\w*|stornat\w*|terugbetal\w*|terugstort\w*|teruggestort|teruggeboekt)", RegexOptions.IgnoreCase)]
    private static partial Regex RefundWordOfOurs();

    [GeneratedRegex(@"\b(done|refunded|reimbursed|processed|issued|completed|sent|made|hecho|hechos|hice|hicimos|hemos devuelto|devolvimos|fiz|fizemos|re{1,2}[mn]bolsei|re{1,2}[mn]bols[áa]mos|estornei|estorn[áa]mos|devolvemos|devuelt[oa]s?|re{1,2}[mn]bolsad[oa]s?|tramitad[oa]|procesad[oa]|realizad[oa]|emitid[oa]|erledigt|erstattet|zur(?:ü|ue|u)ckerstattet|veranlasst|ausgel[öo]st|angewiesen|durchgef[üu]hrt|fait|rembour[sc]{1,2}[ée]e?s?|effectu[ée]e?|trait[ée]e?|feito|re{1,2}[mn]bolsad[oa]s?|estornad[oa]s?|efetuad[oa]|processad[oa]|fatto|rimborsat[oi]|effettuat[oa]|elaborat[oa]|eseguit[oa]|gedaan|terugbetaald|teruggestort|verwerkt|uitgevoerd)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DoneWord();

    // Still to come, or not ours to do: "I will refund", "I've asked a colleague with billing access to process the refund",
    // "once it is approved", "I can't issue refunds".
    [GeneratedRegex(@"\b(will|going to|shall|asked|ask|asking|request\w*|colleague|once|as soon as|pending|can'?t|cannot|could not|couldn'?t|unable|not yet|voy a|vamos a|pedido|solicitad[oa]|solicit\w+|compañer[oa]|cuando|en cuanto|pendiente|no puedo|werde|werden|wird|beantragt|kollegin|kollege|sobald|ausstehend|kann (ich )?nicht|je vais|nous allons|demand[ée]|coll[èe]gue|d[èe]s que|en attente|pas pu|vou|vamos|colega|assim que|pendente|n[ãa]o consegui|far[òo]|faremo|richiest[oa]|collega|appena|in attesa|non (posso|riesco)|ga |gaan|zal|zullen|aangevraagd|zodra|kan niet)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pending();

    /// <summary>Whether <paramref name="clause"/> is the refund-status question (so it is no other ask).</summary>
    public static bool Asks(string clause) => Question(clause) is not null;

    private static (string? Source, DateOnly? On) Made(CaseSubmission ticket, TicketMessage last, DateOnly today, string? alreadyDone)
    {
        // Our own reply in the thread: "I have refunded the €49 today" is dated by the reply, unless it names a day.
        foreach (var reply in ticket.Messages.Where(m => !m.IsFromCustomer && !string.IsNullOrWhiteSpace(m.Text)).Reverse())
        {
            if (OursSaysRefunded(reply.Text) is not null)
            {
                // "I refunded the €149 charge of 12 November to your card today": the day named is the charge's; "today" is
                // the reply's own day.
                var sent = reply.At is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : (DateOnly?)null;
                var named = sent is not null && Today().IsMatch(reply.Text!) ? null : DateParsing.FirstDate(reply.Text!, sent ?? today)?.Date;
                return (Sources.Agent, named ?? sent);
            }
        }

        // Our reply quoted below the customer's question ("Am 18.11.2026 schrieb Lumen Desk Support: > … haben wir Ihnen
        // heute die 39,00 € erstattet"): dated by the quote's header, or a day it names.
        if (last.Text is { } lastText && Signals.Lexicon.QuotedReply.Start(lastText) is var quoted && quoted < lastText.Length
            && OursSaysRefunded(lastText[quoted..]) is not null)
        {
            return (Sources.Agent, DateParsing.FirstDate(lastText[quoted..], today)?.Date);
        }

        foreach (var attempt in ticket.Handoff?.WhatTried ?? [])
        {
            var both = $"{attempt.Action} {attempt.Result}";
            if (EarlierSteps.Names(both, Actions.ActionKinds.Refund) && EarlierSteps.MovedMoney(attempt))
            {
                return (Sources.TierOne, DateParsing.FirstDate(both, today)?.Date);
            }
        }

        return (alreadyDone is { } done && EarlierSteps.Names(done, Actions.ActionKinds.Refund)) || TheySaid().IsMatch(last.Text!)
            ? (Sources.Customer, null)
            : (null, null);
    }

    private static DateOnly AddBusinessDays(DateOnly from, int days)
    {
        var d = from;
        for (var added = 0; added < days;)
        {
            d = d.AddDays(1);
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                added++;
            }
        }

        return d;
    }

    // When the money arrives, or that it has not: "when will the money arrive", "I still don't see it on my card", "¿cuándo
    // llega?", "noch nicht angekommen", "toujours pas reçu", "ainda não caiu", "non l'ho ancora ricevuto", "nog niet binnen".
    [GeneratedRegex(@"\bwhen (will|would|should|do|does|can|shall) (i|we) (see|get|receive|expect|have)\b|\bwhen (will|would|does|should|is) (it|this|that|the (money|refund|funds|amount)|my (money|refund)) (\w+ )?(arrive|show|appear|come|land|reach|hit|clear|be (back|there|visible|on))|\b(still |yet to )?(haven'?t|have not|has not|hasn'?t|didn'?t|did not|not yet|still not|never) (\w+ )?(received|got|gotten|seen|arrived|come through|shown up|showed up|appeared|landed|hit)\b|\b(still )?(don'?t|do not|can'?t|cannot) see (it|the (money|refund|funds|amount))|\bwhere('s| is) (my|the|our) (refund|money)|\bwo (bleibt|ist) (mein|unser|das) (geld|erstattung|r(?:ü|ue|u)ckerstattung)|\bd[óo]nde (est[áa]|queda) (mi|el|nuestro) (dinero|re{1,2}[mn]bolso)|\bo[ùu] (est|en est) (mon|le|notre) (rembour[sc]{1,2}ement|argent)|\b(cad[êe]|onde est[áa]) (o |meu |o meu )?(re{1,2}[mn]bolso|dinheiro|estorno)|\bdov'[èe] (il mio |il )?(rimborso|denaro)|\bdove sono i (miei )?soldi|\bwaar blijft (mijn|ons|het) (geld|terugbetaling)", RegexOptions.IgnoreCase)]
    private static partial Regex Arrival1();

    [GeneratedRegex(@"\bno sign of (it|the (refund|money))|\b(isn'?t|is not|still not) (on|in) (my|our) (card|account|statement|bank)|\bcu[áa]ndo (me |nos )?(llega|llegar[áa]|lo recibir[ée]|la recibir[ée]|recibir[ée]|lo ver[ée]|ver[ée]|aparece|aparecer[áa]|estar[áa])|\b(todav[íi]a|a[úu]n) no (me |nos )?(lo |la )?(veo|vemos|he recibido|hemos recibido|ha llegado|aparece|he visto)|\bno (me |nos )?ha llegado|\bno (he|hemos) recibido (nada|el (dinero|re{1,2}[mn]bolso)|la devoluci[óo]n)|\bwann (\S+ ){0,2}(kommt|bekomme|bekommen|erhalte|erhalten|sehe|sehen|ist|wird) (\w+ ){0,3}(geld|erstattung|r(?:ü|ue|u)ckerstattung|betrag|es|das|sie)\b|\b(noch )?(nicht|nichts|kein geld) (\w+ ){0,3}(angekommen|erhalten|eingegangen|gutgeschrieben|gesehen)\b|\bnoch nicht (da|auf (meinem|unserem|dem) konto|auf (meiner|unserer|der) karte)|\bquand (est-ce que )?(vais-je|je vais|allons-nous|va-t-il|arrivera|le recevrai|recevrai|sera-t-il|serai-je)", RegexOptions.IgnoreCase)]
    private static partial Regex Arrival2();

    [GeneratedRegex(@"\bbis wann (\S+ ){0,4}(da sein|ankommen|eingehen|gutgeschrieben (sein|werden)|sehen|kommen)\b|\bquand (\S+ ){0,2}(doit|va|devrait|sera) (\S+ )?(arriver|[êe]tre (cr[ée]dit|vers))|\btoujours rien\b|\brien (re[çc]u|vu)\b|\b(toujours |encore )?pas (encore )?(re[çc]u|vu|arriv[ée])|\bn'est (toujours )?pas (encore )?(arriv[ée]|visible|apparu)|\bje ne (le |la )?vois (toujours )?pas|\bquando (é que |e que )?(chega|vai chegar|vou receber|recebo|cai|vai cair|aparece)|\bainda n[ãa]o (recebi|recebemos|chegou|caiu|vi|apareceu)|\bn[ãa]o (recebi|chegou|caiu) (ainda|nada)|\bquando (arriva|arriver[àa]|lo ricever[òo]|ricever[òo]|lo vedr[òo]|vedr[òo])|\bnon (l'ho |ho |è |e' )?ancora (ricevut\w*|vist\w*|arrivat\w*)|\bancora non (l'ho |ho |è )?(ricevut\w*|vist\w*|arrivat\w*)|\bwanneer (komt|krijg|krijgen|ontvang|ontvangen|staat|zie|zien)\b|\bwanneer (kan|kunnen|mag|mogen|zal|zullen) (ik|we|wij) (\S+ ){0,3}(verwachten|tegemoetzien|ontvangen|zien)\b|\bnog (steeds )?niet (ontvangen|binnen|gezien|teruggezien|op (mijn|onze) (rekening|kaart)|bijgeschreven|teruggestort)|\bnog (steeds )?geen (geld|terugbetaling)", RegexOptions.IgnoreCase)]
    private static partial Regex Arrival3();

    // Too large as one alternation for the JIT to optimise: 3 parts in the same order, matching what the whole did (SplitAlternation).
    private static readonly SplitAlternation ArrivalParts = new(Arrival1(), Arrival2(), Arrival3());

    [GeneratedRegex(@"\b(refund|reimburse|send|pay)\w* (it |me |us |the money |this )?(again|once more)\b|\b(re{1,2}[mn]bols|devolv)\w* (\w+ )?(de nuevo|otra vez)|\b(nochmal|erneut|noch einmal) (\S+ ){0,3}(erstatt|zur(?:ü|ue|u)ck)\w*|\brembour[sc]{1,2}\w* (\w+ )?([àa] nouveau|de nouveau|encore)|\b(re{1,2}[mn]bols|estorn|devolv)\w* (\w+ )?(de novo|novamente|outra vez)|\brimbors\w* (\w+ )?(di nuovo|ancora)|\b(opnieuw|nog een keer|nogmaals) (\S+ ){0,3}(terugbetal|terugstort)\w*", RegexOptions.IgnoreCase)]
    private static partial Regex AskedAgain();

    [GeneratedRegex(@"\b(invoice|receipt|e-?mail|reply|answer|response|password|invite|code|link|factura|recibo|correo|respuesta|rechnung|quittung|antwort|facture|re[çc]u\b|r[ée]ponse|fatura|recibo|resposta|fattura|ricevuta|risposta|factuur|antwoord)", RegexOptions.IgnoreCase)]
    private static partial Regex NotMoney();

    // Our reply says the refund was made: "I have refunded the €49 today", "your refund has been processed", "he reembolsado",
    // "ich habe den Betrag erstattet", "j'ai effectué le remboursement", "reembolsei", "ho rimborsato", "ik heb het teruggestort".
    [GeneratedRegex(@"\b(i|we)('ve| have| had)? (just |now |already |today )?(refunded|reimbursed|(issued|processed|sent|made|completed) (a|the|your) (full )?refund)\b|\b(the |your )?refund (of \S+ )?(has been|was|is now|has now been) (issued|processed|made|sent|completed)\b|"
        + @"\b(he|hemos|te he|le he|os hemos|les hemos|le hemos|te hemos) (ya )?(re{1,2}[mn]bolsado|devuelto|tramitado (el|su|tu) re{1,2}[mn]bolso|procesado (el|su|tu) re{1,2}[mn]bolso)|\b(el|su|tu) re{1,2}[mn]bolso (ya )?(ha sido|fue) (tramitado|procesado|emitido|realizado)|"
        + @"\b(ich|wir) (habe|haben) (\S+ ){0,5}(erstattet|zur(?:ü|ue|u)ckerstattet|zur(?:ü|ue|u)ckgebucht|zur(?:ü|ue|u)ck[üu]berwiesen)\b|\b(die )?(r(?:ü|ue|u)ck)?erstattung (\w+ ){0,3}(wurde|ist) (\w+ )?(veranlasst|durchgef[üu]hrt|ausgef[üu]hrt|angewiesen)|"
        + @"\b(j'ai|nous avons) (\w+ ){0,2}(rembour[sc]{1,2}[ée]|effectu[ée] (le|votre) rembour[sc]{1,2}ement|proc[ée]d[ée] au rembour[sc]{1,2}ement)|\b(le|votre) rembour[sc]{1,2}ement (a [ée]t[ée]|est) (effectu[ée]|[ée]mis|trait[ée])|"
        + @"\b(re{1,2}[mn]bolsei|estornei|re{1,2}[mn]bolsamos|estornamos)\b|\b(o|seu) (re{1,2}[mn]bolso|estorno) (j[áa] )?(foi) (feito|processado|efetuado|emitido|realizado)|"
        + @"\b(ho|abbiamo) (gi[àa] )?(rimborsato|effettuato il rimborso|emesso il rimborso|stornato)|\b(il )?rimborso (è|e') stato (effettuato|emesso|elaborato|disposto)|"
        + @"\b(ik|we|wij) (heb|hebben) (\S+ ){0,5}(terugbetaald|teruggestort|teruggeboekt)\b|\b(de )?terugbetaling (is|werd) (\w+ )?(verwerkt|uitgevoerd|gedaan|verstuurd)", RegexOptions.IgnoreCase)]
    private static partial Regex OurRefund();

    // The customer says we refunded: "you said you had refunded it", "me dijisteis que me habíais devuelto", "Sie haben mir
    // geschrieben, dass erstattet wurde".
    [GeneratedRegex(@"\b(you|your (colleague|agent|team|support)|they|(he|she)) (said|told (me|us)|wrote|confirmed) (that )?(you|they|it|the refund|(he|she)) (had |have |'d |was |has been |had been )?(refunded|reimbursed|processed|issued|sent)|\b(dijisteis|dijeron|me dijo|me dijiste|confirmasteis|confirmaron) que (me |nos )?(hab[íi]ais|hab[íi]an|hab[íi]a|ya) (\w+ )?(devuelto|re{1,2}[mn]bolsado)|\b(sie haben|ihr habt) (mir |uns )?(geschrieben|gesagt|best[äa]tigt),? (dass )?(\w+ ){0,4}(erstattet|zur(?:ü|ue|u)ckerstattet)|\bvous (m'|nous )?(avez dit|avez [ée]crit|avez confirm[ée]) (que )?(\w+ ){0,3}rembour[sc]{1,2}|\b(voc[êe]s|voc[êe]) (disse|disseram|confirmaram|confirmou) que (\w+ ){0,3}(re{1,2}[mn]bols|estorn|devolv)|\b(mi |ci )?(avete|hai) (detto|scritto|confermato) che (\w+ ){0,3}(rimbors|stornat)|\b(jullie|u) (zei|zeiden|schreef|schreven|bevestigde|bevestigden) (dat )?(\w+ ){0,3}(terugbetaald|teruggestort)", RegexOptions.IgnoreCase)]
    private static partial Regex TheySaid();
}
