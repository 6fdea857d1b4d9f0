using System.Text.RegularExpressions;

namespace Escalation.Core.Signals.Lexicon;

/// <summary>
/// Finds where a message's own words end: quoted earlier messages ("&gt;" lines, "On … wrote:", "El … escribió:",
/// "-----Original Message-----", a From:/Sent: header), a sign-off on its own line ("Kind regards", "Mit freundlichen
/// Grüßen", "Sent from my iPhone") and a confidentiality disclaimer, in the covered languages. What follows is
/// not the customer's request and is not read for signals or facts.
/// </summary>
internal static partial class QuotedReply
{
    /// <summary>Offset where the quoted history, sign-off or disclaimer begins, or the length when there is none.</summary>
    public static int Start(string text)
    {
        var lineStart = 0;
        var previous = "";
        var previousStart = 0;
        while (lineStart < text.Length)
        {
            var end = text.IndexOf('\n', lineStart);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text[lineStart..end].Trim();
            if (line.StartsWith('>') || Separator().IsMatch(line) || Attribution().IsMatch(line) || Disclaimer().IsMatch(line))
            {
                return lineStart;
            }

            // An Outlook header block: "From: …" directly followed by "Sent: …" (or its translation).
            if (HeaderSent().IsMatch(line) && HeaderFrom().IsMatch(previous))
            {
                return previousStart;
            }

            // The signature delimiter ("-- " on its own line, or a rule of underscores) after the customer's words.
            if (lineStart > 0 && SignatureRule().IsMatch(line))
            {
                return lineStart;
            }

            // A sign-off on its own line, after the customer has said something, with no P.S. after it.
            if (lineStart > 0 && SignOff().IsMatch(line) && !PostScript().IsMatch(text[end..]))
            {
                return lineStart;
            }

            // "Thanks,", "Gruß", "Merci" on its own line with the writer's name on the next: a signature, whose job title
            // ("Customer Service Manager", "Teamleiter Kundenservice") asks for nothing.
            if (lineStart > 0 && ThanksSignOff().IsMatch(line) && NextLine(text, end) is { } name && SignedName().IsMatch(name)
                && !PostScript().IsMatch(text[end..]))
            {
                return lineStart;
            }

            (previous, previousStart) = (line, lineStart);
            lineStart = end + 1;
        }

        return text.Length;
    }

    /// <summary>
    /// Where the customer's own words are: from the start up to the quoted history; or, when the message is itself a mail
    /// forwarded from its first line ("From: Mark Davies / Sent: … / Subject: FW: Final notice", or a forwarding line) with
    /// nothing written above it, that mail's body up to its own history and sign-off. (0, 0) when the message is only a
    /// reply of ours sent back, or headers with no body.
    /// </summary>
    public static (int Start, int End) OwnRange(string text)
    {
        var end = Start(text);
        if (end > 0 || text.Length == 0)
        {
            return (0, end);
        }

        var firstEnd = text.IndexOf('\n');
        var first = text[..(firstEnd < 0 ? text.Length : firstEnd)].Trim();
        if (!HeaderFrom().IsMatch(first) && !Separator().IsMatch(first))
        {
            return (0, 0);
        }

        var at = 0;
        while (at < text.Length)
        {
            var next = text.IndexOf('\n', at);
            var line = text[at..(next < 0 ? text.Length : next)].Trim();
            if (FromSupport().IsMatch(line))
            {
                return (0, 0);
            }

            if (line.Length > 0 && !ForwardHeader().IsMatch(line) && !(at == 0 && Separator().IsMatch(line)))
            {
                break;
            }

            at = next < 0 ? text.Length : next + 1;
        }

        return at >= text.Length ? (0, 0) : (at, at + Start(text[at..]));
    }

    /// <summary>
    /// The words of the message's writer, at their offsets in <paramref name="body"/>, and where the quoted part starts: a mail
    /// forwarded from the first line is read from its body (the headers above it blanked), a quoted reply below is cut, and
    /// a mail the customer forwards below their own words ("Forwarding this from our managing director – can you help?") is
    /// part of the request, its header lines blanked.
    /// </summary>
    public static (string Own, int Cut) OwnText(string body, bool fromCustomer)
    {
        var (from, cut) = OwnRange(body);
        var own = from > 0 ? new string(' ', from) + body[from..cut] : cut < body.Length ? body[..cut] : body;
        if (from == 0 && cut < body.Length && fromCustomer && ForwardedBody(body, cut) is { Length: > 0 } forwarded
            && body.IndexOf(forwarded, cut, StringComparison.Ordinal) is var at and >= 0)
        {
            own = body[..cut] + new string(' ', at - cut) + forwarded;
        }

        return (own, cut);
    }

    /// <summary>
    /// The body of a message the customer forwarded below their own words ("---------- Forwarded message ---------", then
    /// its From:/Date:/Subject:/To: lines), up to its own quoted history; null when <paramref name="start"/> is no
    /// forwarding line. "Forwarding this from our finance team – can you help?": the forwarded part is the request.
    /// </summary>
    public static string? ForwardedBody(string text, int start)
    {
        // The forwarding line may follow the writer's sign-off and name ("Thanks\nNoah\n\n---------- Forwarded message").
        if (ForwardingLineFrom(text, start) is not { } forwarding)
        {
            return null;
        }

        start = forwarding;
        var end = text.IndexOf('\n', start);
        if (start >= text.Length || !Forwarded().IsMatch(text[start..(end < 0 ? text.Length : end)].Trim()) || end < 0)
        {
            return null;
        }

        var at = end + 1;
        while (at < text.Length)
        {
            var next = text.IndexOf('\n', at);
            var line = text[at..(next < 0 ? text.Length : next)].Trim();
            if (line.Length > 0 && !ForwardHeader().IsMatch(line))
            {
                break;
            }

            // A forwarded reply of ours ("From: Lumen Desk Support <support@…>") is the thread, not the request.
            if (FromSupport().IsMatch(line))
            {
                return null;
            }

            at = next < 0 ? text.Length : next + 1;
        }

        var body = text[at..];
        return body[..Start(body)];
    }

    [GeneratedRegex(@"^\*?(from|von|de|da|van)\s*:.*\b(support|no-?reply|helpdesk|help desk|customer service|service desk|soporte|kundenservice|assistance|atendimento|assistenza|klantenservice)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FromSupport();

    [GeneratedRegex(@"^-{2,}\s*(forwarded message|weitergeleitete nachricht|mensaje reenviado|message transf[ée]r[ée]|mensagem encaminhada|messaggio inoltrato|doorgestuurd bericht)", RegexOptions.IgnoreCase)]
    private static partial Regex Forwarded();

    [GeneratedRegex(@"^\*?(from|date|sent|subject|to|cc|von|datum|gesendet|betreff|an|de|fecha|enviado|asunto|para|envoy[ée]|objet|à|data|assunto|da|inviato|oggetto|a|van|verzonden|onderwerp|aan)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex ForwardHeader();

    [GeneratedRegex(@"^(--|-{4,}|_{4,})$")]
    private static partial Regex SignatureRule();

    [GeneratedRegex(@"^-{2,}\s*(original message|forwarded message|urspr[üu]ngliche nachricht|weitergeleitete nachricht|mensaje original|mensaje reenviado|message d'origine|message original|message transf[ée]r[ée]|mensagem original|mensagem encaminhada|messaggio originale|messaggio inoltrato|oorspronkelijk bericht|doorgestuurd bericht)", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    // "On Mon, 16 Nov 2026 at 09:12, Lea wrote:", "El lun, 10 nov 2026, X escribió:", "Am 10.11.2026 schrieb X:",
    // "Le 10 nov. 2026 à 09:00, X a écrit :", "Em 10/11/2026, X escreveu:", "Il giorno … ha scritto:", "Op … heeft X het volgende geschreven:".
    [GeneratedRegex(@"^(on|el|am|le|em|il|op)\b.{0,200}\b(wrote|escribi[óo]|schrieb|a [ée]crit|escreveu|ha scritto|geschreven)\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^\*?(from|von|de|da|van)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^\*?(sent|date|gesendet|datum|enviado|fecha|envoy[ée]|inviato|data|verzonden|verstuurd)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderSent();

    // "This e-mail is confidential…", "Diese E-Mail enthält vertrauliche Informationen…", "Este mensaje y sus anexos son confidenciales…".
    [GeneratedRegex(@"^((confidentiality|legal|privacy|important) (notice|disclaimer|note)\s*:|disclaimer\s*:|vertraulichkeitshinweis|aviso (legal|de confidencialidad)|avis de confidentialit[ée]|avviso di riservatezza|disclaimer\s*$|this (e-?mail|message|communication)|the information (in|contained)|diese (e-?mail|nachricht)|dieser e-?mail|este (mensaje|correo|e-?mail)|la informaci[óo]n contenida|ce (message|courriel|mail|e-?mail)|les informations contenues|esta mensagem|este e-?mail|a informa[çc][ãa]o contida|questo messaggio|questa e-?mail|le informazioni contenute|dit (bericht|e-?mailbericht)|deze e-?mail|de informatie in).{0,160}(confiden|vertraulich|riservat|vertrouwelijk|privileged|intended (only )?for|destinatari|destinataire|adressat|geadresseerde)", RegexOptions.IgnoreCase)]
    private static partial Regex Disclaimer();

    [GeneratedRegex(@"^((best|kind|warm|many)\s+regards|regards|best|all the best|thanks again|best wishes|yours sincerely|sincerely|cheers|(un )?saludos?( cordiales)?|atentamente|cordialmente|mit freundlichen gr[üu](ß|ss)en|(viele|beste|liebe|freundliche) gr[üu](ß|ss)e|mfg|(bien )?cordialement|bien [àa] vous|salutations( distingu[ée]es)?|cumprimentos|atenciosamente|abra[çc]os|(cordiali|distinti) saluti|saluti|met vriendelijke groet(en)?|vriendelijke groet(en)?|hartelijke groet(en)?|groeten|mvg|sent from my .{1,30}|enviado desde mi .{1,30}|von meinem .{1,30} gesendet|envoy[ée] de mon .{1,30}|enviado do meu .{1,30}|inviato da(l mio)? .{1,30}|verzonden (vanaf|met) mijn .{1,30})[,.!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex SignOff();

    /// <summary>
    /// Where a forwarding line starts at <paramref name="start"/> or within the few signature lines after it; null when a
    /// quoted reply or other text comes first.
    /// </summary>
    private static int? ForwardingLineFrom(string text, int start)
    {
        for (var (at, seen) = (start, 0); at < text.Length && seen <= SignatureLines; seen++)
        {
            var next = text.IndexOf('\n', at);
            var line = text[at..(next < 0 ? text.Length : next)].Trim();
            if (Forwarded().IsMatch(line))
            {
                return at;
            }

            if (line.StartsWith('>') || Separator().IsMatch(line) || Attribution().IsMatch(line) || next < 0)
            {
                return null;
            }

            at = next + 1;
        }

        return null;
    }

    /// <summary>How many lines of sign-off, name and title may stand between the writer's words and a forwarded mail.</summary>
    private const int SignatureLines = 6;

    /// <summary>The next line after <paramref name="end"/> with text on it, trimmed; null when none.</summary>
    private static string? NextLine(string text, int end)
    {
        for (var at = end + 1; at < text.Length;)
        {
            var next = text.IndexOf('\n', at);
            var line = text[at..(next < 0 ? text.Length : next)].Trim();
            if (line.Length > 0)
            {
                return line;
            }

            if (next < 0)
            {
                break;
            }

            at = next + 1;
        }

        return null;
    }

    [GeneratedRegex(@"^(thanks|thank you|many thanks|thx|ta|gr[üu](ß|ss)e?|danke|vielen dank|merci|gracias|muchas gracias|grazie|obrigad[oa]|bedankt|dank je( wel)?|dank u( wel)?)\s*[,.!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex ThanksSignOff();

    // One to three capitalised words and nothing else: "Sam Patel", "Uwe Schmitt", "Léa".
    [GeneratedRegex(@"^(?-i:\p{Lu}[\p{Ll}'’-]+)(\s(?-i:\p{Lu}[\p{Ll}'’-]+)){0,2}$")]
    private static partial Regex SignedName();

    [GeneratedRegex(@"\bP\.? ?S\.?(\s|:)", RegexOptions.None)]
    private static partial Regex PostScript();
}
