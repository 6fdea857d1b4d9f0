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
            var result = attempt.Result ?? "";
            if (MoneyStep().IsMatch($"{attempt.Action} {result}") && Succeeded().IsMatch(result) && !Failed().IsMatch($"{attempt.Action} {result}"))
            {
                return $"{attempt.Action}: {result}".Trim(' ', ':');
            }
        }

        foreach (var segment in CaseText.Segments(ticket))
        {
            if (Already().Match(segment.Text) is { Success: true } done)
            {
                return AskCoverage.ClauseAt(segment.Text, done.Index);
            }
        }

        return null;
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
        foreach (var segment in CaseText.Segments(ticket).Where(s => s.Message >= 0))
        {
            foreach (Match back in TakeBack().Matches(segment.Text))
            {
                // Its own sentence up to the take-back when that names what it takes back ("I asked for the refund, but
                // forget it", "scratch the closing part"), else the sentence before too ("Please cancel. Actually, scratch
                // that."). What follows it is what still stands ("…, so keep the account, just refund the €49").
                var text = segment.Text;
                var end = back.Index + back.Length;
                var own = SentenceStart(text, back.Index);
                var named = Named(text[own..end]);
                asks.AddRange(named.Count > 0 || own == 0 ? named : Named(text[SentenceStart(text, own - 1)..end]));
            }
        }

        return asks.Distinct().ToList();
    }

    private static int SentenceStart(string text, int at)
    {
        var i = Math.Max(0, at);
        while (i > 0 && text[i - 1] is not ('.' or '!' or '?' or '\n'))
        {
            i--;
        }

        return i;
    }

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
        Actions.ActionKinds.Refund => RefundWord().IsMatch(done),
        Actions.ActionKinds.Credit => CreditWord().IsMatch(done),
        Actions.ActionKinds.CancelSubscription => CancelWord().IsMatch(done),
        _ => false,
    };

    [GeneratedRegex(@"\b(refund\w*|reimburs\w*|money back|reembols\w*|devoluci[óo]n|devolv\w*|erstatt\w*|r[üu]ckerstatt\w*|rembours\w*|estorn\w*|rimbors\w*|terugbetal\w*|terugstort\w*)", RegexOptions.IgnoreCase)]
    private static partial Regex RefundWord();

    [GeneratedRegex(@"\b(credit\w*|abono|abonad\w*|gutschrift\w*|gutgeschrieben|avoir|cr[ée]dit\w*|accredit\w*|creditering|creditnota|tegoed)", RegexOptions.IgnoreCase)]
    private static partial Regex CreditWord();

    [GeneratedRegex(@"\b(cancel\w*|keep (the|our|my) (plan|subscription|account)|clos(e|ing)\b(?! the (ticket|case))|terminat\w*|baja|k[üu]ndig\w*|r[ée]sili\w*|annul\w*|disdet\w*|disdi\w*|opzeg\w*|opgezegd|be[ëe]indig\w*)", RegexOptions.IgnoreCase)]
    private static partial Regex CancelWord();

    [GeneratedRegex(@"\b(refund\w*|credit\w*|cancel\w*|reembols\w*|abon\w*|devoluci[óo]n|erstatt\w*|gutschrift\w*|gutgeschrieben|storn\w*|rembours\w*|avoir|cr[ée]dit\w*|r[ée]sili\w*|estorn\w*|rimbors\w*|accredit\w*|terugbetal\w*|terugstort\w*|creditnota|credit note)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyStep();

    [GeneratedRegex(@"\b(done|completed?|succeeded|successful(ly)?|processed|refunded|credited|applied|booked|issued|confirmed|ok|hecho|realizad[oa]|procesad[oa]|aplicad[oa]|erledigt|durchgef[üu]hrt|gebucht|verbucht|fait|effectu[ée]e?|trait[ée]e?|feito|conclu[íi]d[oa]|processad[oa]|fatto|eseguit[oa]|completat[oa]|gedaan|uitgevoerd|verwerkt)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Succeeded();

    // "None claimed or applied", "not yet issued", "no credit on the account": a check that found nothing was done.
    [GeneratedRegex(@"\b(none|nothing|not (yet )?(applied|issued|refunded|credited|done|processed|booked)|no (refund|credit|credit note)s?\b|ning[úu]n[oa]?|keine?|aucun|nenhum|nessun|geen|no permission|not permitted|not allowed|cannot|can't|could not|couldn't|unable|failed|greyed|grayed|denied|declined|error|pending|sin permiso|no puede|no pude|fall[óo]|keine berechtigung|nicht m[öo]glich|fehlgeschlagen|konnte nicht|pas (le )?droit|impossible|[ée]chou[ée]|sem permiss[ãa]o|n[ãa]o (foi poss[íi]vel|consegui)|falhou|senza permess\w*|non (posso|riesco|ho potuto)|fallit[oa]|geen rechten|niet mogelijk|mislukt)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Failed();

    [GeneratedRegex(@"\b(already (been )?(refunded|credited|applied|issued|booked|processed|reimbursed)|(i|we|tier 1) (have |has )?already (refunded|credited|applied|issued|processed)|(refund|credit)( note)?( of \S+)? (was|has been|is) already|thanks? (you )?for (the|my|our) (refund|credit)|thank you for refunding|"
        + @"ya (\w+ )?(reembols|abon|aplic|devolv)\w*|gracias por (el|la) (reembolso|devoluci[óo]n|abono)|bereits (\w+ )?(erstattet|gutgeschrieben|verbucht|storniert|zur[üu]ckerstattet)|schon (erstattet|gutgeschrieben|verbucht)|danke f[üu]r die (erstattung|gutschrift|r[üu]ckerstattung)|"
        + @"d[ée]j[àa] (\w+ )?(rembours|cr[ée]dit|appliqu)\w*|merci pour le remboursement|j[áa] (\w+ )?(reembols|estorn|credit|aplic|devolv)\w*|obrigad[oa] pel[oa] (reembolso|estorno|cr[ée]dito)|"
        + @"gi[àa] (\w+ )?(rimbors|accredit|applicat|stornat)\w*|grazie per il rimborso|al (terugbetaald|teruggestort|gecrediteerd|toegepast)|bedankt voor de (terugbetaling|creditering))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Already();

    [GeneratedRegex(@"\b(scratch (that|the \w+( \w+)? (part|bit)|the (cancel\w*|refund|credit|closing|closure)( request| part| bit)?)|((just|please|so|and|,)\s*)keep (the|my|our) (account|plan|subscription)( open)?|never ?mind|forget (about )?(that|it|the refund|my (last|previous) (email|message))|ignore (that|my (last|previous) (email|message))|disregard (that|my (last|previous) (email|message))|we'?ll keep (it|the plan|the add-on)|no longer need (the|a) refund|"
        + @"olv[íi]d(alo|enlo|ese)|ya no (quiero|necesito) (el|la) (reembolso|devoluci[óo]n)|vergessen Sie (das|meine (letzte|vorige) (mail|nachricht))|hat sich erledigt|oubliez (ça|cela|mon (dernier|pr[ée]c[ée]dent) (mail|message))|laissez tomber|esque[çc]a (isso|o (meu )?[úu]ltimo)|deixa pra l[áa]|podem? esquecer|esque[çc]am\b|n[ãa]o precisa(m)? (mais )?(de )?cancelar|lascia(te)? perdere|non serve pi[ùu]|laat maar|vergeet (dat|mijn vorige))\b", RegexOptions.IgnoreCase)]
    private static partial Regex TakeBack();
}
