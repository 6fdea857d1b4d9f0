using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Escalation.Core.Tickets;

namespace Escalation.Core.Cases;

/// <summary>The texts facts are read from, with whitespace collapsed so layout never changes a fact.</summary>
public static partial class CaseText
{
    /// <summary>A piece of text and the thread message it came from (−1 for subject and handoff).</summary>
    public sealed record Segment(int Message, string Text);

    // A submission is immutable: its texts are computed once per instance, however many stages read them.
    private static readonly ConditionalWeakTable<CaseSubmission, IReadOnlyList<Segment>> SegmentsOf = new();
    private static readonly ConditionalWeakTable<CaseSubmission, string> JoinedOf = new();

    /// <summary>Subject, customer messages in thread order, then the handoff's free-text fields.</summary>
    public static IReadOnlyList<Segment> Segments(CaseSubmission ticket) => SegmentsOf.GetValue(ticket, ReadSegments);

    /// <summary>
    /// The texts after the customer's last message: the tier-1 handoff's fields (all the subject-and-handoff texts when
    /// the ticket has no customer message).
    /// </summary>
    public static IEnumerable<Segment> AfterCustomer(IReadOnlyList<Segment> texts)
    {
        var last = -1;
        for (var i = 0; i < texts.Count; i++)
        {
            last = texts[i].Message >= 0 ? i : last;
        }

        return texts.Skip(last + 1);
    }

    /// <summary>All customer-facing text in one lowercase string (for relevance scoring).</summary>
    public static string Joined(CaseSubmission ticket) =>
        JoinedOf.GetValue(ticket, t => string.Join(" \n ", Segments(t).Select(s => s.Text)).ToLowerInvariant());

    private static IReadOnlyList<Segment> ReadSegments(CaseSubmission ticket)
    {
        var list = new List<Segment>();
        if (!string.IsNullOrWhiteSpace(ticket.Subject))
        {
            list.Add(new Segment(-1, Normalize(ticket.Subject)));
        }

        for (var i = 0; i < ticket.Messages.Count; i++)
        {
            // The customer's own words: quoted history, a sign-off and a disclaimer below them are not the request.
            // An out-of-office reply sent by the customer's mailbox asks nothing ("For urgent matters please contact …").
            if (ticket.Messages[i].IsFromCustomer && !IsAutoReply(ticket.Messages[i].Text) && OwnWords(ticket.Messages[i].Text) is { Length: > 0 } own)
            {
                list.Add(new Segment(i, own));
            }
        }

        if (ticket.Handoff is { } h)
        {
            foreach (var t in new[] { h.Summary, h.WhatNeeded, h.CustomerExpectation, h.UrgencyReason })
            {
                if (!string.IsNullOrWhiteSpace(t))
                {
                    list.Add(new Segment(-1, Normalize(t)));
                }
            }
        }

        return list.AsReadOnly();
    }

    /// <summary>A message without the quoted history, sign-off and disclaimer below it, whitespace collapsed.</summary>
    public static string OwnWords(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        // A message the customer forwarded with their own words ("can you help?") is part of the request.
        var (from, start) = Signals.Lexicon.QuotedReply.OwnRange(text);
        if (from > 0)
        {
            return Normalize(text[from..start]);
        }

        return Normalize(Signals.Lexicon.QuotedReply.ForwardedBody(text, start) is { Length: > 0 } forwarded ? text[..start] + "\n" + forwarded : text[..start]);
    }

    /// <summary>
    /// True when the message is an automatic reply of the customer's mailbox: it opens (within its first 200 characters)
    /// by saying they are out of the office or that this is an automatic reply.
    /// </summary>
    public static bool IsAutoReply(string? text) =>
        !string.IsNullOrWhiteSpace(text) && AutoReply().IsMatch(text.Length > 200 ? text[..200] : text);

    [GeneratedRegex(@"\b(out of (the )?office|automatic reply|auto-?reply|autoreply|(i am|i'm) (currently )?(away|on (annual )?leave|on holiday|on vacation)( from| until| till| and)|abwesenheitsnotiz|automatische antwort|(bin ich|ich bin) (\S+ ){0,4}(nicht im b[üu]ro|abwesend|im urlaub)|fuera de la oficina|respuesta autom[áa]tica|(estoy|me encuentro) (\S+ ){0,3}(fuera|de vacaciones|ausente)|absente? du bureau|r[ée]ponse automatique|je suis (\S+ ){0,3}(absente?|en cong[ée]s?)|fora do escrit[óo]rio|resposta autom[áa]tica|(estou|encontro-me) (\S+ ){0,3}(ausente|de f[ée]rias)|fuori (dall')?ufficio|risposta automatica|sono (\S+ ){0,3}(assente|in ferie)|afwezigheidsbericht|automatisch antwoord|(ik ben|ben ik) (\S+ ){0,4}(afwezig|niet op kantoor|met vakantie))", RegexOptions.IgnoreCase)]
    private static partial Regex AutoReply();

    /// <summary>
    /// The name a message is signed with: the words right after its last sign-off ("Regards,\nHélène Girard", "Cordialement,
    /// Hélène Girard", "Met vriendelijke groet, Bram"), when they look like a name; null otherwise.
    /// </summary>
    public static string? SignedName(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var sign = SignOff().Matches(text).LastOrDefault();
        return sign is not null && PersonName().Match(text[(sign.Index + sign.Length)..]) is { Success: true } name ? name.Groups["name"].Value : null;
    }

    /// <summary>
    /// Where the words after the message's last sign-off begin ("… Mit freundlichen Grüßen, Dr. Eva Krämer, Rechtsanwältin"
    /// → "Dr. Eva Krämer, Rechtsanwältin"), when they are a short closing line; -1 otherwise.
    /// </summary>
    internal static int SignatureStart(string text) =>
        SignOff().Matches(text).LastOrDefault() is { } sign && text.Length - (sign.Index + sign.Length) <= 160 ? sign.Index + sign.Length : -1;

    [GeneratedRegex(@"\b(kind regards|best regards|warm regards|regards|best wishes|best|thanks|thank you|many thanks|cheers|sincerely|yours sincerely|yours faithfully|cordialement|bien (à|a) vous|salutations|saludos|un saludo|atentamente|cordiales saludos|viele gr[üu](ß|ss)e|mit freundlichen gr[üu](ß|ss)en|beste gr[üu](ß|ss)e|liebe gr[üu](ß|ss)e|gr[üu](ß|ss)e|cordiali saluti|distinti saluti|saluti|obrigad[oa]|cumprimentos|atenciosamente|abra[çc]os|met vriendelijke groet(en)?|vriendelijke groet(en)?|hartelijke groet(en)?|groeten)\s*[,.!]?\s*(?=\S)", RegexOptions.IgnoreCase)]
    private static partial Regex SignOff();

    [GeneratedRegex(@"^(?<name>(?-i:\p{Lu}[\p{Ll}'’-]+)(\s(?-i:\p{Lu}[\p{Ll}'’-]+)){0,2})\s*(\n|$)")]
    private static partial Regex PersonName();

    /// <summary>Trimmed text with every run of whitespace turned into one space.</summary>
    public static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
