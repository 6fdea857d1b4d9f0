using System.Text.RegularExpressions;
using Escalation.Core.Tickets;

namespace Escalation.Core.Cases;

/// <summary>
/// What happened before this decision that changes it: money already moved for the ask (tier 1 "Refunded €49 via the
/// billing console — Done", "credit note CN-1142 already applied", the customer's "thanks for the refund"), and an ask
/// the customer took back ("Actually, scratch that – we'll keep the plan"). Doing the action again would pay twice, and
/// answering the withdrawn ask would act on what the customer no longer wants: both go to a person.
/// </summary>
public static partial class EarlierSteps
{
    /// <summary>
    /// The words that say a refund or credit was already made (or, in tier 1's attempts, a cancellation), quoted; null when
    /// none do. "We had already cancelled" is the customer's own earlier step, read as <see cref="CaseFacts.CancelledBefore"/>.
    /// </summary>
    public static string? AlreadyDone(CaseSubmission ticket)
    {
        foreach (var attempt in ticket.Handoff?.WhatTried ?? [])
        {
            if (MovedMoney(attempt))
            {
                return $"{attempt.Action}: {attempt.Result}".Trim(' ', ':');
            }
        }

        // Our own reply in the thread: "c'est fait : nous avons remboursé 99 €", "I have refunded the €49 today". Not one
        // quoted below the customer's words: an older quoted reply may be about another refund, or state the policy
        // ("Unused seat packs can be refunded within 30 days").
        foreach (var reply in ticket.Messages.Where(m => !m.IsFromCustomer && !string.IsNullOrWhiteSpace(m.Text)))
        {
            if (RefundStatus.OursSaysRefunded(reply.Text) is { } ours)
            {
                return ours;
            }
        }

        // A credit we gave: in our own reply ("schreiben wir Ihnen … 67,50 € gut"), or in our reply the customer quotes below
        // their words ("Il giorno … ha scritto: > … le abbiamo applicato un credito … € 22,35").
        foreach (var ours in OurWords(ticket))
        {
            if (OurCredit().Match(ours) is { Success: true } credited && !NotYet().IsMatch(ours.AsSpan(Math.Max(0, credited.Index - 12), Math.Min(12, credited.Index))))
            {
                return CaseText.Normalize(AskCoverage.ClauseAt(ours, credited.Index));
            }
        }

        foreach (var segment in CaseText.Segments(ticket))
        {
            foreach (Match done in AlreadyParts.Matches(segment.Text))
            {
                // "the refund has not arrived", "ist noch nicht angekommen", "no me ha llegado el reembolso": money still
                // awaited is not money received.
                var before = segment.Text[Math.Max(0, done.Index - 16)..done.Index];
                if (!NotYet().IsMatch(done.Value) && !NegationJustBefore().IsMatch(before))
                {
                    return AskCoverage.ClauseAt(segment.Text, done.Index);
                }
            }
        }

        return null;
    }

    // Portuguese "no" is "in the" ("o reembolso no valor de 49 € já caiu"): not a negation inside the words.
    [GeneratedRegex(@"(\b(not|never|nicht|nie|nichts|noch|pas|jamais|rien|n[ãa]o|nunca|nada|non|mai|niet|nooit|niets|nog|todav[íi]a|a[úu]n|ainda|ancora|yet|still)\b|n't\b)", RegexOptions.IgnoreCase)]
    private static partial Regex NotYet();

    [GeneratedRegex(@"\b(not|never|no|nicht|noch nicht|pas|n[ãa]o|non|niet|nog niet|todav[íi]a no|a[úu]n no|ainda n[ãa]o|ancora non)\s+$|n't\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex NegationJustBefore();

    /// <summary>
    /// Our replies in the thread, and the history quoted below each customer message (the customer answering our mail: "Il
    /// giorno … Lumen Desk Support ha scritto: > …"), latest first.
    /// </summary>
    public static IEnumerable<string> OurWords(CaseSubmission ticket)
    {
        for (var i = ticket.Messages.Count - 1; i >= 0; i--)
        {
            if (ticket.Messages[i].Text is not { Length: > 0 } text)
            {
                continue;
            }

            if (!ticket.Messages[i].IsFromCustomer)
            {
                yield return text;
            }
            else if (Signals.Lexicon.QuotedReply.Start(text) is var quoted && quoted < text.Length)
            {
                yield return text[quoted..];
            }
        }
    }

    [GeneratedRegex(@"\G\s*(about|the|my|our|regarding|on)\b[^.,;:!?\n]{0,30}", RegexOptions.IgnoreCase)]
    private static partial Regex AboutAfter();

    /// <summary>
    /// Whether the thread records something done for the customer: a tier-1 attempt that worked ("Removed 3 seats: Done"),
    /// or a reply of ours that says so ("done: I've removed 3 seats").
    /// </summary>
    public static bool SomethingDone(CaseSubmission ticket) =>
        (ticket.Handoff?.WhatTried ?? []).Any(a => Succeeded().IsMatch(a.Result ?? "") && !Failed().IsMatch($"{a.Action} {a.Result}"))
        || ticket.Messages.Any(m => !m.IsFromCustomer && m.Text is { } t && Succeeded().IsMatch(t) && !Failed().IsMatch(t));

    /// <summary>Whether tier 1's attempt moved money, or cancelled, and it worked ("Refunded €49 via the billing console — Done").</summary>
    public static bool MovedMoney(HandoffAttempt attempt)
    {
        var result = attempt.Result ?? "";
        return MoneyStep().IsMatch($"{attempt.Action} {result}") && Succeeded().IsMatch(result) && !Failed().IsMatch($"{attempt.Action} {result}");
    }

    /// <summary>The customer's words that take back an earlier ask ("scratch that", "never mind the refund"), quoted; null when none.</summary>
    public static string? Retracted(CaseSubmission ticket)
    {
        foreach (var segment in CaseText.Segments(ticket).Where(s => s.Message >= 0))
        {
            if (TakeBack().Match(segment.Text) is { Success: true } back)
            {
                return AskCoverage.ClauseAt(segment.Text, back.Index);
            }

            if (Stays(segment.Text) is { } stay)
            {
                return AskCoverage.ClauseAt(segment.Text, stay.Index);
            }
        }

        return null;
    }

    /// <summary>
    /// The words by which the customer keeps the plan: "please don't cancel the account", "we'll take the 20% discount and
    /// stay", "aceptamos el descuento", "dan blijven we" (an offer accepted, a cancellation refused or denied: "I never
    /// said cancel the subscription"); null when none, or when only on a condition ("we'd stay if you gave us 30%").
    /// </summary>
    private static Match? Stays(string text)
    {
        foreach (Match m in StayOn().Matches(text))
        {
            var sentenceEnd = text.IndexOfAny(['.', '!', '?', '\n'], m.Index + m.Length);
            var rest = text[(m.Index + m.Length)..(sentenceEnd < 0 ? text.Length : sentenceEnd)];
            var before = text[Math.Max(0, m.Index - 12)..m.Index];
            if (!OnlyIf().IsMatch(rest) && !OnlyIf().IsMatch(before))
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>
    /// The asks the customer took back: those named in the sentence that takes them back or the one before it ("I asked for
    /// a refund of the €49 yesterday, but forget it", "Please cancel. Actually, scratch that – we'll keep the plan"). Tier 1
    /// passing the old ask on does not bring it back: the customer's last word stands.
    /// </summary>
    public static IReadOnlyList<string> RetractedAsks(CaseSubmission ticket)
    {
        var asks = new List<string>();
        var customer = CaseText.Segments(ticket).Where(s => s.Message >= 0).ToList();
        foreach (var segment in customer)
        {
            foreach (Match back in TakeBack().Matches(segment.Text))
            {
                // Its own sentence up to the take-back when that names what it takes back ("I asked for the refund, but
                // forget it", "scratch the closing part"), else the sentence before too ("Please cancel. Actually, scratch
                // that."). What follows it is what still stands ("…, so keep the account, just refund the €49").
                // "cancel at the end of the period instead of the refund": only what "instead of" names is taken back.
                if (InsteadOf().IsMatch(back.Value))
                {
                    asks.AddRange(Named(back.Value));
                    continue;
                }

                var text = segment.Text;
                var end = back.Index + back.Length;
                var own = SentenceStart(text, back.Index);
                var named = Named(text[own..end]);
                // "nvm about cancelling", "never mind the refund": what is taken back may follow the words that take it back.
                var restatedFrom = end;
                if (named.Count == 0 && AboutAfter().Match(text, end) is { Success: true } about)
                {
                    named = Named(about.Value);
                    restatedFrom = about.Index + about.Length;
                }

                // "Actually no, scratch that - just refund the €49 and remove it": an ask the rest of its sentence makes
                // again is what still stands, not what was taken back.
                var again = Named(Restated(text, restatedFrom));
                asks.AddRange((named.Count > 0 || own == 0 ? named : Named(text[SentenceStart(text, own - 1)..end])).Except(again));
            }

            // "No refund needed" after a refund was asked drops it (said in the first message, it only says what is not asked).
            if (segment.Message > customer[0].Message)
            {
                foreach (Match none in NoLongerNeeded().Matches(segment.Text))
                {
                    asks.AddRange(Named(none.Value));
                }
            }

            // Keeping the plan takes back the cancellation, whether or not the words name it.
            if (Stays(segment.Text) is not null)
            {
                asks.Add(CaseAsks.Cancel);
            }
        }

        return asks.Distinct().ToList();
    }

    /// <summary>
    /// The rest of the take-back's sentence without the words that keep or take back ("- just refund the €49", not "we'll
    /// keep the plan"): what the customer asks in its place.
    /// </summary>
    private static string Restated(string text, int from)
    {
        var stop = text.IndexOfAny(['.', '!', '?', '\n'], from);
        var rest = text[from..(stop < 0 ? text.Length : stop)];
        rest = TakeBack().Replace(rest, " ");
        return KeepThePlan().Replace(StayOn().Replace(rest, " "), " ");
    }

    [GeneratedRegex(@"\bkeep (the|our|my|this) (plan|subscription|account)", RegexOptions.IgnoreCase)]
    private static partial Regex KeepThePlan();

    private static int SentenceStart(string text, int at)
    {
        var i = Math.Max(0, at);
        while (i > 0 && text[i - 1] is not ('.' or '!' or '?' or '\n'))
        {
            i--;
        }

        return i;
    }

    [GeneratedRegex(@"^(instead|rather|en (lugar|vez)|(an)?statt|au lieu|plut[ôo]t|em vez|invece|in plaats)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InsteadOf();

    private static List<string> Named(string scope)
    {
        var asks = new List<string>();
        if (RefundWord().IsMatch(scope)) asks.Add(CaseAsks.Refund);
        if (CreditWord().IsMatch(scope)) asks.Add(CaseAsks.Credit);
        if (CancelWord().IsMatch(scope)) asks.Add(CaseAsks.Cancel);
        return asks;
    }

    /// <summary>Whether the words that say it was already done (<see cref="AlreadyDone"/>) name an action of this kind.</summary>
    public static bool Names(string done, string actionKind) => actionKind switch
    {
        Actions.ActionKinds.Refund => RefundWord().IsMatch(done) || (MoneyWord().IsMatch(done) && !CreditWord().IsMatch(done)),
        Actions.ActionKinds.Credit => CreditWord().IsMatch(done),
        Actions.ActionKinds.CancelSubscription => CancelWord().IsMatch(done),
        _ => false,
    };

    [GeneratedRegex(@"\b(refund\w*|reimburs\w*|money back|re{1,2}[mn]bols\w*|devoluci[óo]n|devolv\w*|devuelt\w*|devolvid\w*|erstatt\w*|r(?:ü|ue|u)ckerstatt\w*|zur(?:ü|ue|u)ckerstatt\w*|zur(?:ü|ue|u)ckgebucht|zur(?:ü|ue|u)ck[üu]berwiesen|rembour[sc]{1,2}\w*|estorn\w*|rimbors\w*|stornat\w*|terugbetal\w*|terugstort\w*|teruggestort|teruggeboekt)", RegexOptions.IgnoreCase)]
    private static partial Regex RefundWord();

    // "Het geld is binnen", "the money arrived", "das Geld ist angekommen": money that came back is the refund.
    [GeneratedRegex(@"\b(money|geld|dinero|argent|dinheiro|soldi|betrag|bedrag|importe|montant|valor|importo)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyWord();

    [GeneratedRegex(@"\b(credit\w*|abono|abonad\w*|gutschrift\w*|gutgeschrieben|schreiben wir (\S+ ){0,8}gut\b|avoir|cr[ée]dit\w*|accredit\w*|creditering|creditnota|tegoed)", RegexOptions.IgnoreCase)]
    private static partial Regex CreditWord();

    // Our words that a credit was given: "we have credited …", "we've applied a €22.35 credit", "hemos aplicado un abono",
    // "schreiben wir Ihnen … gut", "nous avons appliqué un avoir", "aplicámos um crédito", "le abbiamo applicato un credito",
    // "hebben we … gecrediteerd". Not "we will credit" (a promise still to keep is no credit given).
    [GeneratedRegex(@"\b((we|i)('ve| have| had)? (already )?(credited|(applied|added|issued|posted) (a|an|the|your) (\S+ ){0,3}credit)|"
        + @"(hemos|he|ya) (aplicado|abonado|a[ñn]adido|emitido) (un|el|una|la) (\S+ ){0,3}(cr[ée]dito|abono|nota de cr[ée]dito)|le (hemos )?abonado|"
        + @"(haben|habe) (wir |ich )?(ihnen |dir )?(\S+ ){0,6}gutgeschrieben|schreiben wir ihnen (\S+ ){0,8}gut\b|(haben|habe) (wir |ich )?(ihnen )?eine gutschrift (\S+ ){0,4}(erstellt|ausgestellt|angelegt|verbucht)|"
        + @"(nous avons|j'ai) (d[ée]j[àa] )?cr[ée]dit[ée]|(nous avons|j'ai) (d[ée]j[àa] )?(appliqu[ée]|ajout[ée]|[ée]mis) (un |une |l'|le |votre )?(\S+ ){0,3}(avoir|cr[ée]dit|geste)|"
        + @"(aplic[áa]mos|credit[áa]mos|adicion[áa]mos|emitimos) (um|o|uma) (\S+ ){0,3}(cr[ée]dito|nota de cr[ée]dito)|"
        + @"(abbiamo|ho) (applicato|accreditato|aggiunto|emesso) (un|il|lo|una) (\S+ ){0,3}(credito|accredito|nota di credito)|"
        + @"(hebben|heb) (we |wij |ik )?(u |jullie )?(\S+ ){0,5}(gecrediteerd|tegoed (\S+ ){0,2}(gegeven|toegevoegd))|crediteren (we|wij) (u|jullie))", RegexOptions.IgnoreCase)]
    private static partial Regex OurCredit();

    [GeneratedRegex(@"\b(cancel\w*|keep (the|our|my) (plan|subscription|account)|clos(e|ing)\b(?! the (ticket|case))|terminat\w*|baja|k[üu]ndig\w*|r[ée]sili\w*|annul\w*|disdet\w*|disdi\w*|opzeg\w*|opgezegd|be[ëe]indig\w*)", RegexOptions.IgnoreCase)]
    private static partial Regex CancelWord();

    [GeneratedRegex(@"\b(refund\w*|credit\w*|cancel\w*|re{1,2}[mn]bols\w*|abon\w*|devoluci[óo]n|erstatt\w*|gutschrift\w*|gutgeschrieben|storn\w*|rembour[sc]{1,2}\w*|avoir|cr[ée]dit\w*|r[ée]sili\w*|estorn\w*|rimbors\w*|accredit\w*|terugbetal\w*|terugstort\w*|creditnota|credit note|revers\w*|paid back|(went|sent|returned|credited) (back )?(to|on|onto) (the |their |her |his |our )?(customer's )?(card|account)|back (to|on|onto) (the |their |her |his )?(customer's )?(card|account)|devuelt[oa]s?|devolvid[oa]s?|zur(?:ü|ue|u)ck(gebucht|erstattet|[üu]berwiesen|gezahlt)|restitu\w*|teruggeboekt|teruggestort)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyStep();

    [GeneratedRegex(@"\b(done|completed?|succeeded|successful(ly)?|processed|refunded|credited|applied|booked|issued|confirmed|ok|hecho|realizad[oa]|procesad[oa]|aplicad[oa]|erledigt|durchgef[üu]hrt|gebucht|verbucht|fait|effectu[ée]e?|trait[ée]e?|feito|conclu[íi]d[oa]|processad[oa]|fatto|eseguit[oa]|completat[oa]|gedaan|uitgevoerd|verwerkt|reversed|went back|paid back|sent back|returned|devuelt[oa]s?|devolvid[oa]s?|zur(?:ü|ue|u)ck(gebucht|erstattet|[üu]berwiesen|gezahlt)|restitu[ée]e?s?|rembour[sc]{1,2}[ée]e?s?|re{1,2}[mn]bolsad[oa]s?|estornad[oa]s?|restituit[oa]|rimborsat[oa]|teruggeboekt|teruggestort|terugbetaald)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Succeeded();

    // "None claimed or applied", "not yet issued", "no credit on the account": a check that found nothing was done.
    [GeneratedRegex(@"\b(none|nothing|not (yet )?(applied|issued|refunded|credited|done|processed|booked)|no (refund|credit|credit note)s?\b|ning[úu]n[oa]?|keine?|aucun|nenhum|nessun|geen|no permission|not permitted|not allowed|cannot|can't|could not|couldn't|unable|failed|greyed|grayed|denied|declined|error|pending|sin permiso|no puede|no pude|fall[óo]|keine berechtigung|nicht m[öo]glich|fehlgeschlagen|konnte nicht|pas (le )?droit|impossible|[ée]chou[ée]|sem permiss[ãa]o|n[ãa]o (foi poss[íi]vel|consegui)|falhou|senza permess\w*|non (posso|riesco|ho potuto)|fallit[oa]|geen rechten|niet mogelijk|mislukt|errore|errori|erreur|fehler|jamais (trait[ée]e?|effectu[ée]e?|fait)|nunca (procesad[oa]|tramitad[oa]|realizad[oa]|feit[oa]|processad[oa])|nie (durchgef[üu]hrt|bearbeitet|erledigt)|mai (eseguit[oa]|effettuat[oa]|elaborat[oa])|nooit (uitgevoerd|verwerkt)|never (processed|done|issued|made)|not (executed|completed)|non (eseguit[oa]|riuscit[oa]|effettuat[oa]|completat[oa])|niet (uitgevoerd|gelukt|verwerkt)|no se (pudo|ha podido|realiz[óo])|nicht (durchgef[üu]hrt|ausgef[üu]hrt|erfolgreich)|pas (effectu[ée]|trait[ée]|abouti)|n[ãa]o (foi )?(efetuad[oa]|realizad[oa]|processad[oa]))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Failed();

    [GeneratedRegex(@"\b(already (been )?(refunded|credited|applied|issued|booked|processed|reimbursed)|(refund|credit|money)( of \S+)? (has |have )?(already )?(came|come|went) (through|in)|(the|my|our) (\S+ )?(refund|credit) (has |have )?(already )?(arrived|landed|came through|come through|cleared|shown up|showed up)|(i|we|tier 1) (have |has )?already (refunded|credited|applied|issued|processed)|(refund|credit)( note)?( of \S+)? (was|has been|is) already|thanks? (you )?for (the|my|our) (refund|credit)|thanks? (you )?for (refunding|reimbursing)|ya (\w+ )?(re{1,2}[mn]bols|abon|aplic|devolv)\w*|gracias por (el|la) (re{1,2}[mn]bolso|devoluci[óo]n|abono)|bereits (\w+ )?(erstattet|gutgeschrieben|verbucht|storniert|zur(?:ü|ue|u)ckerstattet)|schon (erstattet|gutgeschrieben|verbucht)|danke f[üu]r die (erstattung|gutschrift|r(?:ü|ue|u)ckerstattung)|d[ée]j[àa] (\w+ )?(rembour[sc]{1,2}|cr[ée]dit|appliqu)\w*|merci pour le rembour[sc]{1,2}ement)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Already1();

    [GeneratedRegex(@"\b(j[áa] (?!(e|ou|mas) )(\w+ )?(re{1,2}[mn]bols|estorn|credit|aplic|devolv)\w*|obrigad[oa] pel[oa] (re{1,2}[mn]bolso|estorno|cr[ée]dito)|gi[àa] (\w+ )?(rimbors|accredit|applicat|stornat)\w*|grazie per il rimborso|al (terugbetaald|teruggestort|gecrediteerd|toegepast)|bedankt voor de (terugbetaling|creditering)|(i|we) (have |'ve )?(got|received|gotten) (the|my|our|your) (\S+ )?(refund|money back)(?! (for|of|on) )|(refund|credit|money)\b(?:[^.!?\n]|(?<=\d)\.(?=\d)){0,70}\b(has |have )?(arrived|came through|come through|landed|cleared|showed up|shown up|hit (my|our) (card|account))|(erstattung|r(?:ü|ue|u)ckerstattung|gutschrift|geld|betrag)\b(?:[^.!?\n]|(?<=\d)\.(?=\d)){0,70}\b(ist|sind|wurde) (\S+ ){0,2}(angekommen|eingegangen|gutgeschrieben)|(ich habe|wir haben) (die|das|den) (\S+ )?(erstattung|r(?:ü|ue|u)ckerstattung|gutschrift|geld|betrag) (\S+ ){0,3}erhalten|(me|nos) ha llegado (el|la) (\S+ )?(re{1,2}[mn]bolso|devoluci[óo]n|dinero|abono))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Already2();

    [GeneratedRegex(@"\b((el|la) (re{1,2}[mn]bolso|devoluci[óo]n|abono)\b(?:[^.!?\n]|(?<=\d)\.(?=\d)){0,70}\b(ya )?(ha llegado|lleg[óo]|me lleg[óo])|(he|hemos) recibido (el|la) (\S+ )?(re{1,2}[mn]bolso|devoluci[óo]n|abono)|(rembour[sc]{1,2}ement|avoir|virement)\b(?:[^.!?\n]|(?<=\d)\.(?=\d)){0,70}\b(est|a [ée]t[ée]) (bien )?(arriv[ée]|re[çc]u|cr[ée]dit[ée])|(j'ai|nous avons) (bien )?re[çc]u (le|votre) (\S+ )?(rembour[sc]{1,2}ement|avoir)|(re{1,2}[mn]bolso|estorno)\b(?:[^.!?\n]|(?<=\d)\.(?=\d)){0,70}\b(j[áa] )?(chegou|caiu|foi creditado)|(recebi|recebemos) o (\S+ )?(re{1,2}[mn]bolso|estorno)|(rimborso|accredito)\b(?:[^.!?\n]|(?<=\d)\.(?=\d)){0,70}\b(è|e') (gi[àa] )?(arrivat[oa]|accreditat[oa])|(ho|abbiamo) ricevuto il (\S+ )?rimborso|(terugbetaling|terugstorting|geld)\b(?:[^.!?\n]|(?<=\d)\.(?=\d)){0,70}\b(is )?(binnen|ontvangen|aangekomen|bijgeschreven)|(ik heb|we hebben) de (\S+ )?(terugbetaling|terugstorting) ontvangen)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Already3();

    [GeneratedRegex(@"\b((got|received) (the|my|our|your) (\S+ )?(refund|money back)(?! (for|of|on) )|(me|nos) (ha|han) llegado (el|la|los|las|dos|\S+) (\S+ )?(re{1,2}[mn]bolsos?|devoluci[óo]n(es)?|dinero|abonos?)|(me|nos) (lleg[óo]|llegaron) (el|la|los|las) (\S+ )?(re{1,2}[mn]bolsos?|devoluci[óo]n(es)?|dinero|abono)|(j'ai|nous avons) (bien )?re[çc]u (un|le|votre|mon|notre) (\S+ )?(rembour[sc]{1,2}ement|avoir)|(saw|seen|noticed|vi|vimos|sah|gesehen|vu|visto|zag|gezien) (the|a|die|eine|den|el|un|le|o|il|de|een) (\S+ ){0,2}(credit|gutschrift|abono|avoir|cr[ée]dito|accredito|creditering)|(credit|gutschrift|abono|avoir|cr[ée]dito|accredito|creditering)\b(?:[^.!?\n]|(?<=\d)\.(?=\d)){0,70}\b(was|war|stand|estaba|apareci[óo]|[ée]tait|estava|apareceu|era|stond) (already |schon |bereits |ya |d[ée]j[àa] |j[áa] |gi[àa] |al )?(on|auf|en|sur|na|no|sulla|nella|op|in)\b)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Already4();

    // Too large as one alternation for the JIT to optimise: 4 parts in the same order, matching what the whole did (SplitAlternation).
    private static readonly SplitAlternation AlreadyParts = new(Already1(), Already2(), Already3(), Already4());

    // Keeping the plan: a cancellation refused ("don't cancel", "no cancelen", "bitte nicht kündigen", "ne résiliez pas",
    // "não cancelem", "non disdite", "niet opzeggen") or denied ("I never said cancel"), an offer accepted ("we'll take the
    // 20% discount", "aceptamos el descuento", "wir nehmen das Angebot an", "j'accepte la remise", "aceitamos o desconto",
    // "accettiamo lo sconto", "we nemen de korting"), or staying said outright. Bare "we stay" words that also mean "we were
    // left without" or "we remain waiting" in their language are not read.
    [GeneratedRegex(@"\b((please |pls |so |but |and )?(don'?t|do not|dont|never) (cancel|close|terminate)\b(?! (the|this|my|our) (ticket|case|invite|invitation|order))|(i|we) (never|didn'?t|did not) (said|say|asked?|wanted?) (you )?(to )?(cancel|close|terminate)|"
        + @"(we|i)('ll| will| would like to| want to| have decided to| decided to| are going to|'re going to|'d like to)? (stay\b(?! (on hold|in touch|tuned|calm|here|put|logged|signed|on (this|it|top))\b)|remain (with (you|lumen\w*)|a customer|customers|on (the|our|my) plan))|"
        + @"(we|i)('ll| will| would| are happy to| 're happy to| am happy to|'d be happy to| gladly)? (take|accept) (the|your|that|this) (\S+ ){0,3}(discount|offer|deal|proposal)|"
        + @"no (cancelen|cancele|canceles|cancel[ée]is|den de baja|nos den de baja)|no (quiero|queremos) (cancelar|darme de baja|darnos de baja)|(aceptamos|acepto) (el|la|su|tu|vuestro|vuestra|este|esta|ese|esa) (\S+ ){0,3}(descuento|oferta|propuesta)|de acuerdo con (el|la|su|este|esta) (\S+ ){0,3}(descuento|oferta|propuesta)|nos quedamos (con ustedes|finalmente|entonces)|"
        + @"nicht k[üu]ndigen|k[üu]ndigen sie (\w+ )?nicht|(nehmen|nehme) (das|ihr|den|dieses|diesen) (\S+ ){0,3}(angebot|rabatt) an|dann bleiben wir|wir bleiben (bei ihnen|kunde|doch|also|dabei)|einverstanden mit (dem|ihrem|diesem) (\S+ ){0,3}(angebot|rabatt)|"
        + @"ne (r[ée]siliez|annulez|fermez) pas|(nous acceptons|j'accepte|on accepte) (la|votre|cette|l'|le) ?(\S+ ){0,3}(remise|offre|r[ée]duction|proposition|geste)|(alors )?(nous restons|on reste) (chez vous|clients?|finalement|donc|avec vous|abonn[ée]s)|(d'accord|ok) pour (la|votre|cette|l'|le) ?(\S+ ){0,3}(remise|offre|r[ée]duction|proposition)|"
        + @"n[ãa]o (cancele|cancelem|cancelar|cancelem a)|(aceito|aceitamos) (o|a|esse|essa|este|esta|vosso|vossa|seu|sua) (\S+ ){0,3}(desconto|oferta|proposta)|de acordo com (o|a|esse|essa|este|esta) (\S+ ){0,3}(desconto|oferta|proposta)|ficamos (convosco|com voc[êe]s|afinal|ent[ãa]o)|"
        + @"non (disdite|disdica|annullate|annulli|cancellate|cancelli)|(accetto|accettiamo) (lo|la|l'|il|questa|questo|vostra|vostro|sua|suo) ?(\S+ ){0,3}(sconto|offerta|proposta)|restiamo (con voi|clienti|allora|quindi|alla fine)|d'accordo (per|con) (lo|la|l'|il|questa|questo) ?(\S+ ){0,3}(sconto|offerta|proposta)|"
        + @"niet opzeggen|zeg (het |ons abonnement |mijn abonnement )?niet op|(we|wij|ik) (accepteren|accepteer|nemen|neem) (de|het|die|dat|uw|jullie) (\S+ ){0,3}(korting|aanbod)|doe maar (die|de) korting|dan blijven (we|wij)|(we|wij) blijven (toch|dus|klant)|akkoord met (de|het|die|dat|uw|jullie) (\S+ ){0,3}(korting|aanbod))", RegexOptions.IgnoreCase)]
    private static partial Regex StayOn();

    [GeneratedRegex(@"\b((no|don'?t|do not) (longer )?need (for )?(a |the |any )?(refund|credit|money back)|no (refund|credit) (is )?(needed|necessary|required)|(eine |die )?(erstattung|gutschrift) (brauche|brauchen) (ich|wir) nicht mehr|(brauche|brauchen) (ich|wir) (keine|die) (erstattung|gutschrift) (mehr|nicht mehr)|ya no (hace falta|necesito|necesitamos) (el|la) (re{1,2}[mn]bolso|devoluci[óo]n)|sin (re{1,2}[mn]bolso|devoluci[óo]n)|pas besoin (de|du|d'un) (rembour[sc]{1,2}ement|avoir)|sem (necessidade de )?re{1,2}[mn]bolso|n[ãa]o (preciso|precisamos) (do|de) re{1,2}[mn]bolso|non (serve|ci serve) (il|alcun|nessun) rimborso|geen terugbetaling nodig|(hoeft|hoef) (geen|niet) (terug|terugbetaling))\b", RegexOptions.IgnoreCase)]
    private static partial Regex NoLongerNeeded();

    [GeneratedRegex(@"\b(if|unless|only if|provided|as long as|si|solo si|wenn|falls|sofern|s'il|à condition|se|desde que|a condi[çc][ãa]o|purch[ée]|als|mits|zolang)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OnlyIf();

    [GeneratedRegex(@"\b(scratch (that|the \w+( \w+)? (part|bit)|the (cancel\w*|refund|credit|closing|closure)( request| part| bit)?)|((just|please|so|and|,)\s*)keep (the|my|our) (account|plan|subscription)( open)?|never ?mind|nvm|actually,? no\b|no,? wait\b|wait,? no\b|on second thoughts?|second thoughts|forget (about )?(that|it|the (refund|cancel\w*|credit|closure)( request)?|my (last|previous) (email|message))|drop the (refund|cancel\w*|credit)( request)?|instead of (the |a |any )?(refund|credit|money back)|rather than (the |a )?(refund|credit)|en (lugar|vez) (del?|de la) (re{1,2}[mn]bolso|devoluci[óo]n|abono)|(an)?statt (der |einer )?(r(?:ü|ue|u)ck)?erstattung|au lieu (du|d'un) rembour[sc]{1,2}ement|plut[ôo]t qu'(un|le) rembour[sc]{1,2}ement|em vez (do|de um) re{1,2}[mn]bolso|invece del rimborso|in plaats van (de |een )?terugbetaling|ignore (that|my (last|previous) (email|message))|disregard (that|my (last|previous) (email|message))|we'?ll keep (it|the plan|the add-on)|no longer need (the|a) refund|"
        + @"olv[íi]d(alo|enlo|ese)|ya no (quiero|necesito) (el|la) (re{1,2}[mn]bolso|devoluci[óo]n)|vergessen Sie (das|die (erstattung|k[üu]ndigung|gutschrift)|meine (letzte|vorige) (mail|nachricht))|olvide(n)? (el re{1,2}[mn]bolso|la cancelaci[óo]n|la baja)|oubliez (le rembour[sc]{1,2}ement|la r[ée]siliation|l'annulation)|esque[çc]a(m)? (o re{1,2}[mn]bolso|o cancelamento)|vergeet (de|het) (terugbetaling|opzegging)|hat sich erledigt|oubliez (ça|cela|mon (dernier|pr[ée]c[ée]dent) (mail|message))|laissez tomber|esque[çc]a (isso|o (meu )?[úu]ltimo)|deixa pra l[áa]|podem? esquecer|esque[çc]am\b|n[ãa]o precisa(m)? (mais )?(de )?cancelar|lascia(te)? perdere|non serve pi[ùu]|laat maar|laat (die|de|het|dat) (\S+ )?maar (zitten|gaan|zo)|(we|wij|ik) (houden|houd) (de|het|die|dat) (add-on|abonnement|pakket|plan)|vergeet (dat|mijn vorige)|(lassen sie|lass) (die|das|den) (\S+ )?(sein|bleiben)|wir behalten (das|den|die) (add-on|abo|abonnement|paket|plan)|d[ée]j(alo|enlo|adlo) (estar|as[íi])|on garde (le|l'|la) ?(module|add-on|abonnement|option|forfait)|pens[áa]ndolo (bien|mejor)|bien pensado,? no|(nein|ach),? doch nicht|lieber doch nicht|tout compte fait,? non|non,? finalement|finalement,? non|pensando (bem|melhor),? n[ãa]o|ripensandoci,? no|anzi,? no|bij nader inzien|toch maar niet)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TakeBack();
}
