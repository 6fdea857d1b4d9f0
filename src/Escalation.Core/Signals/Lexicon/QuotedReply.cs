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
    /// The body of a message the customer forwarded below their own words ("---------- Forwarded message ---------", then
    /// its From:/Date:/Subject:/To: lines), up to its own quoted history; null when <paramref name="start"/> is no
    /// forwarding line. "Forwarding this from our finance team – can you help?": the forwarded part is the request.
    /// </summary>
    public static string? ForwardedBody(string text, int start)
    {
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

    [GeneratedRegex(@"\bP\.? ?S\.?(\s|:)", RegexOptions.None)]
    private static partial Regex PostScript();
}
