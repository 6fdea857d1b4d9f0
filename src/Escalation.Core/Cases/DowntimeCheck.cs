using System.Globalization;
using System.Text.RegularExpressions;
using Escalation.Core.Knowledge;

namespace Escalation.Core.Cases;

/// <summary>
/// An SLA credit is computed from confirmed downtime, never from the customer's estimate alone (the SLA policy's
/// guardrail). This checks the downtime a case reports against the SLA policy's confirmed incidents (front matter
/// <c>incidents</c>): the outage's date must fall within one of them, and the hours counted are at most the incident's.
/// A tier-1 handoff that says the status page or the incident report confirms the downtime confirms it too; so does the
/// customer's own word of it when the policy lists no incidents at all.
/// </summary>
internal static partial class DowntimeCheck
{
    /// <summary>
    /// The downtime read, why it is not confirmed (null when it is), and whether the hours are confirmed ones a credit may
    /// be computed from: a claim above the incident keeps the incident's hours (a held draft credits those), while a day
    /// no incident covers, or no day, leaves no confirmed hours at all.
    /// </summary>
    public sealed record Result(double? Hours, string? Unconfirmed, bool HoursConfirmed = true);

    /// <param name="texts">The case's texts.</param>
    /// <param name="reported">The downtime read from them (null when none was, or only an estimate: "about 6 hours").</param>
    /// <param name="sla">The workspace's SLA credit policy.</param>
    /// <param name="today">The day the customer asked.</param>
    /// <param name="foreignDates">Whether to read the day-first dates of the other covered languages.</param>
    /// <param name="outageWord">The words that say a text is about an outage.</param>
    /// <param name="confirmedWord">The words that say the status page or the incident report confirms it.</param>
    /// <param name="estimate">Any duration the texts give, estimates included, in hours (null when none).</param>
    /// <param name="tierOneChecks">What tier 1 tried and found (the handoff's <c>whatTried</c>).</param>
    /// <param name="single">The one duration a text states (null when it states none, or several: "3 h on … and 6 h on …").</param>
    public static Result Check(
        IReadOnlyList<CaseText.Segment> texts, double? reported, Policy? sla, DateOnly today, bool foreignDates, Regex outageWord, Regex confirmedWord,
        Func<string, double?> estimate, IEnumerable<string> tierOneChecks, Func<string, double?> single)
    {
        // "Checked the status page: no incident recorded on 2026-11-20" names the status page and denies the outage;
        // "Checked status page: Nothing posted" names it and confirms nothing: a confirmation says what was down, for how
        // long, or that it is confirmed.
        bool Confirms(string text) => confirmedWord.IsMatch(text) && !NothingFound().IsMatch(text) && (Affirmed().IsMatch(text) || estimate(text) is > 0);
        var outageTexts = texts.Where(t => outageWord.IsMatch(t.Text)).ToList();
        if (sla is null || (reported is null && outageTexts.Count == 0))
        {
            return new(reported, null);
        }

        // "Customer is hosted in US-East; the incident was EU-West only, not affected", "nicht betroffen": tier 1 found the
        // outage did not touch this customer, so no hours of theirs are confirmed.
        if (tierOneChecks.FirstOrDefault(c => NotAffected().IsMatch(c)) is { } spared)
        {
            return new(reported, $"tier 1's check found the customer was not affected (\"{CaseText.Normalize(spared)}\")", false);
        }

        // The customer only estimates ("cerca de 3 horas") and tier 1's check confirms a figure ("3 horas confirmadas"):
        // tier 1's figure is the one read.
        // When the customer's estimate is more ("about 4 hours", "ca. 5 Stunden" against tier 1's confirmed 3), the confirmed
        // hours are the ones counted, and a person tells the customer why (held, not resolved).
        if (reported is null && outageTexts.Count > 0
            && CaseText.AfterCustomer(texts).Where(t => t.Message < 0).Select(t => t.Text).Concat(tierOneChecks).Where(Confirms).Select(estimate).FirstOrDefault(h => h is > 0) is { } stated)
        {
            return texts.Where(t => t.Message >= 0).Select(t => estimate(t.Text)).Max() is { } estimated && estimated > stated + 0.01
                ? new(stated, $"the customer estimates {Hours(estimated)}; tier 1's check confirms {stated.ToString("0.##", CultureInfo.InvariantCulture)} h")
                : new(stated, null);
        }

        // Tier 1 checked the status page or the incident log ("9 hours of confirmed downtime"): its figure stands. When its
        // check states hours of its own ("Panne confirmée … 09h10-12h10 UTC, soit 3 heures") and the hours read are more
        // (the customer's "environ 6 heures", echoed in the summary), the confirmed hours are the ones counted; a check that
        // names several ("3 h on 2026-11-02 and 6 h on 2026-11-09") confirms the sum the customer gave.
        var confirming = CaseText.AfterCustomer(texts).Where(t => t.Message < 0).Select(t => t.Text).Concat(tierOneChecks).Where(Confirms).ToList();
        if (reported is { } claimedHours && confirming.Count > 0)
        {
            return confirming.Select(single).FirstOrDefault(h => h is > 0) is { } checkedHours && checkedHours < claimedHours - 0.01
                ? new(checkedHours, $"{Hours(claimedHours)} reported; tier 1's check confirms {checkedHours.ToString("0.##", CultureInfo.InvariantCulture)} h")
                : new(reported, null);
        }

        if (sla.Incidents.Count == 0)
        {
            return reported is not null && outageTexts.Any(t => Confirms(t.Text))
                ? new(reported, null)
                : new(reported, $"{Hours(reported)} reported, and {sla.Id} lists no confirmed incidents (front matter incidents) to check {(reported is null ? "it" : "them")} against", false);
        }

        // The day is read where the outage is named, else where its hours are ("Op 20 november lag het 2 uur eruit").
        var dayTexts = outageTexts.Where(t => DateParsing.AllDates(t.Text, today, foreignDates).Count > 0).ToList() is { Count: > 0 } named
            ? named : texts.Where(t => estimate(t.Text) is > 0).ToList();
        var days = dayTexts
            .SelectMany(t => DateParsing.AllDates(t.Text, today, foreignDates).Select(d => d.Date)
                .Concat(RelativeDates.First(t.Text, today) is { } ago ? [ago.Date] : []))
            .Distinct()
            .ToList();
        var matched = sla.Incidents.Where(i => days.Any(i.Covers)).Distinct().ToList();
        if (matched.Count == 0)
        {
            return new(reported, days.Count > 0
                ? $"no confirmed incident in {sla.Id} covers {string.Join(", ", days.Select(Iso))}"
                : $"{Hours(reported)} reported without the day it happened, so it cannot be matched to a confirmed incident of {sla.Id}", false);
        }

        var confirmed = matched.Sum(i => i.Hours);
        // "down for six hours on 9 November, on top of the 2 November incident": a day told in the sentence of an outage or
        // its hours that no incident covers is named, so the reviewer knows the claim is only partly confirmed.
        var unconfirmedDays = dayTexts
            .SelectMany(t => Sentences().Split(t.Text))
            .Where(s => outageWord.IsMatch(s) || estimate(s) is > 0)
            .SelectMany(s => DateParsing.AllDates(s, today, foreignDates).Select(d => d.Date))
            .Where(d => d <= today && !sla.Incidents.Any(i => i.Covers(d)))
            .Distinct()
            .ToList();
        if (unconfirmedDays.Count > 0)
        {
            return new(Math.Min(reported ?? confirmed, confirmed),
                $"no confirmed incident in {sla.Id} covers {string.Join(", ", unconfirmedDays.Select(Iso))}; only {string.Join(" and ", matched.Select(i => $"{Day(i)} ({i.Summary}, {i.Hours.ToString("0.##", CultureInfo.InvariantCulture)} h)"))} is confirmed");
        }

        var claimed = reported ?? outageTexts.Concat(dayTexts).Select(t => estimate(t.Text)).Max();
        if (claimed is { } more && more > confirmed + 0.01)
        {
            return new(confirmed,
                $"the customer reports {Hours(more)}, and the confirmed incident{(matched.Count > 1 ? "s" : "")} of {string.Join(" and ", matched.Select(i => $"{Day(i)} ({i.Summary})"))} lasted {confirmed.ToString("0.##", CultureInfo.InvariantCulture)} h");
        }

        return new(reported is { } less ? Math.Min(less, confirmed) : confirmed, null);
    }

    // Not after "2." ("am 2. November 3 Stunden lang"): a German or Dutch ordinal date is no sentence end.
    [GeneratedRegex(@"\b(not (been )?affected|unaffected|not impacted|(was|were) not (hit|touched)|different region|another region|nicht betroffen|no (fue |estuvo |estaba |ha sido )?afectad[oa]s?|pas (été )?(affect[ée]e?|concern[ée]e?|touch[ée]e?)s?|non (è stat[oa] |era |sono stati )?(interessat|coinvolt|colpit)\w*|niet (ge)?troffen|n[ãa]o (foi |esteve )?afetad[oa]s?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotAffected();

    [GeneratedRegex(@"(?<=(?<!\d)\.|[!?;])\s+|\n+")]
    private static partial Regex Sentences();

    private static string Hours(double? hours) => hours is { } h ? h.ToString("0.##", CultureInfo.InvariantCulture) + " h of downtime" : "downtime";

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(PolicyIncident incident) => incident.From == incident.To ? Iso(incident.From) : $"{Iso(incident.From)} to {Iso(incident.To)}";

    // What a check that found nothing says: "no incident recorded", "nothing on the status page", "not confirmed",
    // "all systems operational", "sin incidencias", "keine Störung", "aucun incident", "nenhum incidente", "nessun
    // incidente", "geen storing".
    [GeneratedRegex(@"\b((no|nothing|none|not an?)\s+(\w+\s+){0,2}(incidents?|outages?|downtime|record|entry|entries|report|disruption|sign)|nothing (on|in|at)\b|nothing( \w+)? (posted|listed|reported|shown|logged|recorded|found|there)|nothing yet|not (confirmed|listed|shown|recorded|reported|found)|(isn't|is not|wasn't|was not|aren't|are not|weren't) (\w+ ){0,2}(confirmed|listed|shown|recorded|reported|found)|all (systems )?(green|operational)|"
        + @"sin (ninguna )?incidencias?|ninguna incidencia|no (hay|consta|figura|aparece|se registr\w*)|"
        + @"keine?n? (\w+ )?(St[öo]rung|Ausfall|Vorfall|Incident|Eintrag)|nicht (best[äa]tigt|gelistet|verzeichnet|gemeldet)|"
        + @"aucun(e)? (\w+ )?(incident|panne|interruption)|pas d'incident|non confirm[ée]e?|"
        + @"nenhum (\w+ )?(incidente|registo|registro)|sem (\w+ )?incidentes?|n[ãa]o (consta|h[áa] registo|h[áa] registro|confirmad\w*)|"
        + @"nessun (\w+ )?(incidente|disservizio|guasto)|non (risulta|confermat\w*)|"
        + @"geen (\w+ )?(storing|incident|melding)|niet bevestigd)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NothingFound();

    // A check that found the downtime: confirmed, an incident or outage named, something down.
    [GeneratedRegex(@"\b(confirm\w*|best[äa]tig\w*|bevestig\w*|conferm\w*|incidents?|outages?|downtime|down|disruption|degraded|panne|interruption|ca[íi]da|incidencia|interrupci[óo]n|Ausfall|St[öo]rung|Vorfall|queda|indisponib\w*|incidente|disservizio|guasto|storing|uitval)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Affirmed();
}
