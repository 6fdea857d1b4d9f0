using System.Text.RegularExpressions;
using Escalation.Core.Tickets;

namespace Escalation.Core.Signals;

/// <summary>
/// The caution signals of issue 25 in plain English, found in the customer's messages and the subject. This is a
/// small floor so routing can act on them; the lexicon's multilingual word lists set the same flags (and the same
/// evidence names) for the other covered languages and paraphrases. A flag already set by the analyser is kept.
/// </summary>
public static partial class CautionSignals
{
    public const string Distress = "distress";
    public const string Incident = "incident";
    public const string PublicExposure = "public-exposure";
    public const string FormalComplaint = "formal-complaint";
    public const string CompensationDemand = "compensation-demand";
    public const string Cancellation = "cancellation";
    public const string RepeatReport = "repeat-report";

    /// <summary>Evidence that a person's care is at risk: a missed, wrong or missing medicine or dose (<c>Lexicon/PairedCues.cs</c>).</summary>
    public const string PatientSafety = "patient-safety";

    /// <summary>Evidence that every outage the text mentions is told as past or resolved: context, not P0.</summary>
    public const string PastOutage = "outage-past";

    /// <summary>Each caution flag of <paramref name="t"/> with its evidence name, for the detect trace.</summary>
    public static IEnumerable<(bool Flag, string Name)> Flags(TextSignals t) =>
    [
        (t.Distress, Distress), (t.LiveIncident, Incident), (t.PublicExposure, PublicExposure), (t.FormalComplaint, FormalComplaint),
        (t.CompensationDemand, CompensationDemand), (t.Cancellation, Cancellation), (t.RepeatReport, RepeatReport),
    ];

    /// <summary><paramref name="text"/> with the caution flags the English phrases find added, each with its evidence.</summary>
    public static TextSignals Add(TextSignals text, IReadOnlyList<TicketMessage> messages, string? subject)
    {
        var evidence = new List<Evidence>();
        // The customer's own words: a quoted reply of ours below them ("you can make a formal complaint at …") is not theirs.
        var sources = messages.Select((m, i) => (m, i)).Where(x => x.m.IsFromCustomer)
            .Select(x => (Index: x.i, Text: Lexicon.QuotedReply.OwnText(x.m.Text ?? "", fromCustomer: true).Own)).ToList();
        if (!string.IsNullOrWhiteSpace(subject))
        {
            sources.Add((-1, subject));
        }

        foreach (var (index, body) in sources)
        {
            Find(DistressPhrase(), Distress, index, body, evidence);
            if (!Resolved().IsMatch(body))
            {
                Find(LiveIncidentPhrase(), Incident, index, body, evidence);
                if (!evidence.Any(e => e.Signal == Incident && e.Message == index))
                {
                    Find(NobodyCanGetIn(), Incident, index, body, evidence);
                }

                if (!evidence.Any(e => e.Signal == Incident && e.Message == index))
                {
                    Find(DownSince(), Incident, index, body, evidence);
                }
            }

            Find(PublicPhrase(), PublicExposure, index, body, evidence);
            Find(Exposed(), "security", index, body, evidence);
            Find(FormalComplaintPhrase(), FormalComplaint, index, body, evidence);
            Find(CompensationPhrase(), CompensationDemand, index, body, evidence);
            Find(CancelPhrase(), Cancellation, index, body, evidence);
            Find(RepeatPhrase(), RepeatReport, index, body, evidence);
        }

        if (text.Outage && !text.LiveIncident && !evidence.Any(e => e.Signal == Incident) && !text.Evidence.Any(e => e.Signal == PastOutage) && PastOutageEvidence(text, messages, subject) is { } past)
        {
            evidence.Add(past);
        }

        if (evidence.Count == 0)
        {
            return text;
        }

        bool Has(string name) => evidence.Any(e => e.Signal == name);
        return text with
        {
            Distress = text.Distress || Has(Distress),
            LiveIncident = text.LiveIncident || Has(Incident),
            PublicExposure = text.PublicExposure || Has(PublicExposure),
            FormalComplaint = text.FormalComplaint || Has(FormalComplaint),
            CompensationDemand = text.CompensationDemand || Has(CompensationDemand),
            Cancellation = text.Cancellation || Has(Cancellation),
            RepeatReport = text.RepeatReport || Has(RepeatReport),
            Security = text.Security || Has("security"),
            Evidence = [.. text.Evidence, .. evidence],
        };
    }

    /// <summary>
    /// A past marker ("was down", "could not use", "during the October outage", "resolved") in the customer's messages
    /// or the subject, with no present-tense incident phrase: the outage is told as past. Null otherwise.
    /// </summary>
    private static Evidence? PastOutageEvidence(TextSignals text, IReadOnlyList<TicketMessage> messages, string? subject)
    {
        for (var i = -1; i < messages.Count; i++)
        {
            var body = i < 0 ? subject ?? "" : messages[i].IsFromCustomer ? messages[i].Text : "";
            var m = PastMarker().Match(body) is { Success: true } en ? en : PastMarkerOther().Match(body);
            if (m.Success)
            {
                return new Evidence(PastOutage, m.Value, i, m.Index, m.Length);
            }

            // "Am 02.11. war Lumen Desk bei uns … nicht erreichbar", written on the 20th: a day before the message's own is
            // past, unless the outage runs on since then ("seit dem 02.11.", "since 2 November", "desde el 2 de noviembre").
            if (i >= 0 && messages[i].At is { } at && Cases.DateParsing.FirstDate(body, DateOnly.FromDateTime(at.UtcDateTime)) is { } day
                && day.Date < DateOnly.FromDateTime(at.UtcDateTime) && !SinceBefore().IsMatch(body[Math.Max(0, day.Index - 12)..day.Index]))
            {
                return new Evidence(PastOutage, day.Text, i, day.Index, day.Length);
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(since|seit( dem)?|desde( el| o| a)?|depuis( le)?|da(l| il)?|dal|sinds|vanaf)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SinceBefore();

    private static void Find(Regex pattern, string signal, int message, string body, List<Evidence> evidence)
    {
        var m = pattern.Match(body);
        if (m.Success && !Negated(body, m.Index))
        {
            evidence.Add(new Evidence(signal, m.Value, message, m.Index, m.Length));
        }
    }

    /// <summary>"not going to post this on Twitter", "I won't cancel": a negation just before the phrase cancels it.</summary>
    private static bool Negated(string body, int at)
    {
        var start = Math.Max(0, at - 24);
        var window = body.AsSpan(start, at - start).ToString();
        // "If you don't refund me I'll post this on Twitter": the negation is the condition's, the threat stands.
        return Negation().IsMatch(window) && !ConditionBefore().IsMatch(body.AsSpan(Math.Max(0, at - 48), at - Math.Max(0, at - 48)).ToString());
    }

    [GeneratedRegex(@"\b(if|unless|otherwise|or else)\b[^.!?]*\b(not|never|n't|won't)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConditionBefore();

    [GeneratedRegex(@"\b(not|never|n't|no intention of|won't)\b[^.!?]*$", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    // Data that should not be seen, seen: another customer's records in ours ("the side panel showed another clinic's
    // patient", "we can see another company's tickets", "datos de otro cliente"), or a person who left still getting in
    // ("a colleague who left us in October can apparently still log in … exported our contact list").
    [GeneratedRegex(@"\b((show(s|ed|ing)?|see|saw|seeing|display(s|ed)?|visible|appear(s|ed)?)\b[^.!?]{0,40}\b(another|other|a different|someone else's|somebody else's)\s+(\w+'s\s+|\w+s'\s+)?(clinic|practice|company|customer|client|organi[sz]ation|tenant|hospital|patient)s?('s?)?\b|"
        + @"(another|other|a different) (customer|client|company|clinic|practice|tenant|organi[sz]ation)('s|s')? (data|patients?|tickets|records|conversations|contacts|customers)|someone else's (data|patients?|tickets|records)|"
        + @"(datos|informaci[óo]n|pacientes) de otr[oa] (cliente|empresa|cl[íi]nica)|Daten (eines|einer) anderen (Kunden|Firma|Praxis|Klinik)|donn[ée]es d'un(e)? autre (client|soci[ée]t[ée]|clinique|cabinet)|dados de outr[oa] (cliente|empresa|cl[íi]nica)|dati di un(')? ?altr[oa] (cliente|azienda|clinica)|gegevens van een ander(e)? (klant|bedrijf|praktijk))|"
        + @"\b(former (employee|colleague|staff member|team member|associate|partner|agent|admin|user|contractor|member of staff)|ex-?(employee|colleague|associate|partner|staff|agent|admin|contractor)|(colleague|employee|staff member|team member|member of staff|user|associate|partner|agent|admin|contractor|freelancer|assistant|receptionist|nurse|doctor|intern|someone|person|(s)?he) who (has )?(left|quit|was (let go|fired|dismissed))( us| the (company|firm|practice|clinic|team))?|(we|i) (removed|deleted|deactivated|offboarded) (her|him|them)\b)\b[^.!?]{0,80}\b(still|continues to|keeps|again)\b[^.!?]{0,20}\b(log(s|ged|ging)? ?in|sign(s|ed|ing)? in|access(es|ed|ing)?|has access|get(s)? in)", RegexOptions.IgnoreCase)]
    private static partial Regex Exposed();

    [GeneratedRegex(@"\b(kill myself|end my life|want to die|wish I was dead|suicid\w*|self[- ]harm|hurt myself|can't go on|cannot go on|no reason to live|end it all)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DistressPhrase();

    [GeneratedRegex(@"\b((is|are|'s) (completely |totally |still )?down (right )?now|down right now|nothing (loads|is loading|works|is working)( for (anyone|anybody|us))? (right now|at the moment|since)|(is|are) (still |currently )?(down|offline|unreachable)\b(?! for \d)|(nobody|no one|none of us|none of our (users|agents|staff)) can (log ?in|sign in|access|get in(?! touch))|everyone is locked out|all (of )?our users are (locked out|down|affected))", RegexOptions.IgnoreCase)]
    private static partial Regex LiveIncidentPhrase();

    // "none of my agents can get into the platform", "ninguno de mis agentes puede entrar", "niemand von uns kann sich
    // anmelden", "aucun de nos agents ne peut se connecter", "nessuno di noi può accedere", "niemand van ons team kan
    // inloggen": nobody, a present-tense "can" a few words on, then getting in or working. Past forms ("could", "podía",
    // "konnte") are not matched: a lockout told as past is no live incident.
    [GeneratedRegex(@"\b(nobody|no one|none of (us|our|my)|nadie|ningun[oa]?|niemand|keiner|keine[rn]?|personne|aucune?|ningu[ée]m|nenhuma?|nessun[oa]?|geen)\b(\W+\w+){0,5}?\W+(can|is able to|are able to|puede|pueden|podemos|kann|können|peut|peuvent|pode|podem|può|possono|kan|kunnen)\b(\W+\w+){0,4}?\W+(log ?in|sign in|access|get in(?! touch)|get into|login|work(?! out)|entrar|acceder|conectarse|iniciar sesión|trabajar|anmelden|einloggen|zugreifen|rein|arbeiten|connecter|accéder|entrer|travailler|aceder|acessar|logar|trabalhar|accedere|entrare|collegarsi|lavorare|inloggen|erin|werken)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NobodyCanGetIn();

    // Down now and since a time ("has been down since 9 this morning", "our agents still cannot log in", "lleva caído desde
    // esta mañana", "ist seit heute Morgen nicht erreichbar", "est en panne depuis ce matin", "está fora do ar desde as 9h",
    // "è giù da stamattina", "ligt sinds vanochtend plat"): a present tense with "since" tells an outage still running.
    [GeneratedRegex(@"\b((has|have) been (completely |totally )?(down|offline|unreachable|unavailable|inaccessible) since\b|(our|all (of )?our|all the|the) (agents|users|staff|team|employees|colleagues|people|clinicians|doctors|nurses|reps)( \S+)? (still|now) (can't|cannot|can not|are unable to|aren't able to) (log ?in|sign in|access|get in(?! touch)|work|use)\b|"
        + @"(lleva|llevan|est[áa]n?) (\S+ )?(ca[íi]d[oa]s?|sin servicio|fuera de servicio|inaccesibles?) desde\b|"
        + @"(ist|sind) seit (heute|\d|dem fr[üu]hen|fr[üu]h|\S+ Uhr)(\S* ){0,4}?(down|offline|nicht (mehr )?erreichbar|ausgefallen|nicht verf[üu]gbar)|"
        + @"(est|sont) (\S+ )?(en panne|hors service|inaccessibles?|hors ligne) depuis\b|"
        + @"(est[áa]|est[ãa]o) (\S+ )?(fora do ar|em baixo|inacess[íi]ve(l|is)|offline|indispon[íi]ve(l|is)) desde\b|"
        + @"(è|sono) (\S+ )?(gi[ùu]|down|fuori servizio|irraggiungibil[ei]|offline|inaccessibil[ei]) da (stamattina|questa mattina|stamani|oggi|ieri|\d|(luned|marted|mercoled|gioved|venerd)[ìi]|sabato|domenica)|"
        + @"(ligt|liggen|is|zijn) (al )?sinds (\S+ ){1,3}?(plat|down|offline|onbereikbaar|niet bereikbaar|eruit))", RegexOptions.IgnoreCase)]
    private static partial Regex DownSince();

    [GeneratedRegex(@"\b((was|were|went|had been|has been) (down|offline|unavailable|unreachable)|(could not|couldn't|couldnt) (use|access|log ?in|sign in|get in|work)|down for \d|last (week|month|night)|yesterday|earlier (today|this week)|resolved|is back|back up|restored|confirmed (incident|outage)|(during|after|since|from|in|of) the [^.]{0,40}(outage|incident|downtime)|(outage|incident|downtime) ((on|of|from) \d|last))", RegexOptions.IgnoreCase)]
    private static partial Regex PastMarker();

    // The same in es, de, fr, pt, it, nl: an outage told as past ("estuvo caída", "war gestern ausgefallen", "a été en
    // panne", "esteve fora do ar", "è stata fuori servizio", "lag plat") or resolved since.
    [GeneratedRegex(@"\b(estuvo|estuvieron|estuvimos|no pudimos|no pudieron|ayer|semana pasada|mes pasado|resuelt[oa]|se resolvió|solucionad[oa]|desde entonces|"
        + @"war(en)? (am|gestern|letzte|\d)|war (\S+ ){1,10}nicht (erreichbar|verf[üu]gbar|nutzbar)|konnten (wir|unsere) (\S+ ){0,8}nicht|gestern|letzte[nr]? (Woche|Monat)|(?<!nicht |noch nicht )behoben|seitdem|wieder erreichbar|"
        + @"a été en panne|était en panne|n'avons pas pu|n'ont pas pu|d'hier|hier (soir|matin)|semaine dernière|mois dernier|résolue?|rétablie?|"
        + @"esteve|estiveram|n[ãa]o conseguimos|ontem|semana passada|mês passado|resolvid[oa]|desde então|"
        + @"è stat[oa]|sono stat[ie]|non abbiamo potuto|ieri|settimana scorsa|mese scorso|risolt[oa]|ripristinat[oa]|da allora|"
        + @"lag (op|gisteren|vorige)|konden (we|wij) (\w+ )?niet|gisteren|vorige (week|maand)|opgelost|hersteld|sindsdien|"
        // "Durante il disservizio di ottobre", "während der Störung im Oktober", "lors de la panne du 2 novembre": an outage
        // named by when it was, or as the time something else happened, is over.
        + @"(durante|w[äa]hrend|pendant|lors|tijdens|bij) (de |del |des |dem |der |die |il |la |lo |l'|el |le |o |a |het )?(\S+ ){0,2}(disservizio|interruzione|guasto|blocco|ca[íi]da|interrupci[óo]n|panne|coupure|st[öo]rung|ausfall|falha|queda|interrup[çc][ãa]o|storing|uitval)|"
        + @"(disservizio|interruzione|guasto|ca[íi]da|interrupci[óo]n|panne|coupure|st[öo]rung|ausfall|falha|queda|interrup[çc][ãa]o|storing|uitval) (di|de|du|del|dello|della|d'|im|vom|in|van|em|do|da) (\S+ )?(gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|enero|febrero|abril|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|januar|februar|m[äa]rz|juni|juli|september|oktober|dezember|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|d[ée]cembre|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro|januari|februari|maart|mei|augustus|\d{1,2}))\b", RegexOptions.IgnoreCase)]
    private static partial Regex PastMarkerOther();

    [GeneratedRegex(@"\b(is back up|has been resolved|was resolved|is resolved|working again|back to normal|since (it was )?fixed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Resolved();

    [GeneratedRegex(@"\b((post|share|write about) (this|it|that) on (twitter|x|linkedin|reddit|facebook|instagram|tiktok|social media)|tweet(ing)? about|go(ing)? public|tell (all )?my followers|(leave|write|post) a (bad |negative |terrible |1[- ]star |one[- ]star )?review on|(contact|call|talk to|tell) (the )?(press|media|a journalist|journalists))\b", RegexOptions.IgnoreCase)]
    private static partial Regex PublicPhrase();

    [GeneratedRegex(@"\b((formal|official|written) complaint|complaint in writing|(lodge|file|register|submit) a complaint)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FormalComplaintPhrase();

    [GeneratedRegex(@"\b((demand|insist on|expect) (full |fair |appropriate )?(compensation|damages|reimbursement for (our|my) losses)|compensate (us|me) for (the |our |my )?(losses|lost revenue|damages)|pay (for )?(our|my) (losses|lost revenue|damages))\b", RegexOptions.IgnoreCase)]
    private static partial Regex CompensationPhrase();

    [GeneratedRegex(@"\b((want|would like|wish|need|going) to cancel|cancel (my|our) (subscription|plan|account|contract)|close (my|our) account|please cancel)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CancelPhrase();

    [GeneratedRegex(@"\b((third|fourth|fifth|3rd|4th|5th) time|(three|four|five|[3-9]) times (now|already|in a row)|(reported|raised|told you about) (this|it) (three|four|five|[3-9]) times)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RepeatPhrase();
}
