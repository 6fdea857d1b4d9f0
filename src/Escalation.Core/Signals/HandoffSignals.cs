using System.Text.RegularExpressions;
using Escalation.Core.Tickets;

namespace Escalation.Core.Signals;

/// <summary>
/// What tier 1 saw, read from its handoff: "Live outage for customer since 10:40 UTC today", "Reproduced → 503 errors on
/// EU-West", "Attachments missing from ~40 tickets; data loss". The customer may write in a language the rules do not
/// cover, or only "Is it you or us??"; tier 1's own account of a live incident, data loss, a break-in or a chargeback
/// already filed sets the case's signals (and so its priority) as the customer's words would. Other signals (tone,
/// legal, asks) stay the customer's: tier 1's wording is no threat or request of theirs.
/// </summary>
internal static partial class HandoffSignals
{
    private static readonly LexiconSignalAnalyzer Lexicon = new();

    /// <summary><paramref name="text"/> with the critical signals of tier 1's handoff added, each quoted as tier 1's.</summary>
    public static TextSignals Add(TextSignals text, TierOneHandoff? handoff)
    {
        if (handoff is null)
        {
            return text;
        }

        // What tier 1 found and why it is urgent; not what it asks for ("Back-end 2FA reset after an identity check" is a
        // request, not a break-in).
        var fields = new[] { handoff.Summary, handoff.UrgencyReason }
            .Concat(handoff.WhatTried.Select(a => a.Result))
            .Where(f => !string.IsNullOrWhiteSpace(f))
            .Select(f => f!)
            .ToList();
        if (fields.Count == 0)
        {
            return text;
        }

        var messages = fields.Select(f => new TicketMessage { From = "customer", Text = f }).ToList();
        var read = CautionSignals.Add(Lexicon.Analyze(messages, subject: null), messages, subject: null);
        var live = fields.Select(f => LiveNow().Match(f)).FirstOrDefault(m => m.Success);
        var added = new List<Evidence>();
        bool Carry(bool flag, params string[] signals)
        {
            if (flag && read.Evidence.FirstOrDefault(e => signals.Contains(e.Signal)) is { } e)
            {
                added.Add(new Evidence(signals[0], "tier 1: " + e.Text, -1, -1, 0));
                return true;
            }

            return false;
        }

        // The lexicon's incident words ("live", "now") or tier 1's own ("503 errors"): either makes the incident live, and the
        // evidence quoted is the words that did ("Reproduced → 503 errors … since 09:05 UTC" was read as live without an
        // "incident" quote, and nothing was carried).
        if (!Carry(read.LiveIncident, CautionSignals.Incident, "live", "now", "outage") && (live is not null || read.LiveIncident))
        {
            added.Add(new Evidence(CautionSignals.Incident, "tier 1: " + (live?.Value ?? fields[0]), -1, -1, 0));
        }

        Carry(read.DataLoss, "data-loss");
        // A break-in in tier 1's words ("account takeover", "unauthorised login", "compromised"), not the account-security
        // vocabulary of its routine steps ("2FA reset", "password reset").
        Carry(read.Security && read.Evidence.Any(e => e.Signal == "security" && BreakIn().IsMatch(e.Text)), "security");
        Carry(read.Chargeback, "chargeback");

        // The customer's threat or request as tier 1 reports it ("Kunde droht mit seinem Anwalt", "customer mentioned a
        // solicitor", "Kundin verlangt Vorgesetzten", "la cliente exige hablar con un responsable"): legal content and a manager
        // request reach a human whoever wrote them down. Tier 1's own routing words ("Someone senior to answer") are no ask.
        // A lawyer only as a threat tier 1 reports ("droht mit seinem Anwalt", "mentioned her solicitor"): "Customer is a law firm
        // asking a routine billing question" describes who writes.
        var legal = read.Legal && !read.LegalDenied
            ? read.Evidence.FirstOrDefault(e => e.Signal.StartsWith("legal:", StringComparison.Ordinal) && e.Signal != "legal:" + LegalKinds.Chargeback
                && (e.Signal != "legal:" + LegalKinds.Lawyer || fields.Any(f => Threatened().IsMatch(f))))
            : null;
        if (legal is not null)
        {
            added.Add(new Evidence(legal.Signal, "tier 1: " + legal.Text, -1, -1, 0));
        }

        var manager = read.ManagerRequest && fields.Any(f => Reported().IsMatch(f))
            ? read.Evidence.FirstOrDefault(e => e.Signal == "manager")
            : null;
        if (manager is not null)
        {
            added.Add(new Evidence("manager", "tier 1: " + manager.Text, -1, -1, 0));
        }

        if (added.Count == 0)
        {
            return text;
        }

        bool Has(string signal) => added.Any(e => e.Signal == signal);
        var kinds = text.LegalKinds.ToList();
        if (Has("chargeback") && !kinds.Contains(LegalKinds.Chargeback))
        {
            kinds.Add(LegalKinds.Chargeback);
        }

        if (legal is not null && legal.Signal["legal:".Length..] is var kind && !kinds.Contains(kind))
        {
            kinds.Add(kind);
        }

        return text with
        {
            ManagerRequest = text.ManagerRequest || manager is not null,
            LiveIncident = text.LiveIncident || Has(CautionSignals.Incident),
            DataLoss = text.DataLoss || Has("data-loss"),
            Security = text.Security || Has("security"),
            Chargeback = text.Chargeback || Has("chargeback"),
            // A dispute already filed with the card issuer is the legal matter the customer's own "I'll dispute it with my
            // bank" is: money paid back now could be paid twice.
            Legal = text.Legal || Has("chargeback") || legal is not null,
            LegalKinds = kinds,
            Evidence = [.. text.Evidence, .. added],
        };
    }

    // Tier 1 reporting a threat or a mention: "threatens", "mentioned a lawyer", "droht", "amenaza", "menace", "ameaça",
    // "minaccia", "dreigt", "will sue".
    [GeneratedRegex(@"\b(threaten\w*|mention\w*|brought up|will (sue|involve)|going to (sue|involve)|droht|erw[äa]hnt|amenaza\w*|mencion\w*|menace\w*|mentionn\w*|amea[çc]\w*|minacci\w*|menzion\w*|dreigt|noemde|noemt)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Threatened();

    // Tier 1 reporting what the customer asks or threatens, in any covered language.
    [GeneratedRegex(@"\b(customer|client|caller|user|admin|owner|they|she|he|kund(e|in)|sie|er|cliente|usuari[oa]|ella|[ée]l|elle|il|lei|ele|ela|klant|hij|zij)\b[^.;]{0,40}\b(ask\w*|want\w*|demand\w*|request\w*|insist\w*|threaten\w*|escalat\w*|verlangt|fordert|m[öo]chte|will|bittet|besteht|droht|pide|exige|quiere|solicita|insiste|amenaza|demande|veut|souhaite|menace|pede|quer|ameaça|chiede|pretende|vuole|minaccia|vraagt|eist|wil|dreigt|staat erop)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Reported();

    [GeneratedRegex(@"\b(breach\w*|hack\w*|compromis\w*|takeover|take-over|taken over|unauthori[sz]ed|suspicious|phish\w*|stolen|leak\w*|intrus\w*|fraud\w*)", RegexOptions.IgnoreCase)]
    private static partial Regex BreakIn();

    // Tier 1's words for an incident going on as it writes: "live outage", "ongoing incident", "503 errors on every page",
    // "down since 10:40 today", "nothing loads".
    [GeneratedRegex(@"\b(live (outage|incident)|ongoing (outage|incident)|(outage|incident) (is )?(still )?(ongoing|in progress)|5\d\d errors?\b|bad gateway|gateway time-?out|(down|not loading|unavailable|offline) since \d{1,2}[:.h]\d{2}( UTC)? today|nothing loads)", RegexOptions.IgnoreCase)]
    private static partial Regex LiveNow();
}
