using System.Text.RegularExpressions;
using Escalation.Core.Tickets;

namespace Escalation.Core.Cases;

/// <summary>
/// The customer's last message only thanks and confirms ("Perfect, thanks a lot!", "¡Genial, muchas gracias!", "Super,
/// danke!", "Top, bedankt") after something was done for them (tier 1's attempt that worked, our reply saying so): a short
/// message with a word of thanks and no question, no figure, no ask, no "but" or "still", no negation and no waiting
/// ("thanks in advance", "merci d'avance" still wait for something). Nothing is left to decide.
/// </summary>
internal static partial class ClosingThanks
{
    private const int MaxLength = 160;

    /// <summary>The last customer message when it only thanks, as written; null otherwise.</summary>
    public static string? Find(CaseSubmission ticket)
    {
        if (ticket.Messages.Count < 2 || ticket.Messages[^1] is not { IsFromCustomer: true } last)
        {
            return null;
        }

        // No figure either ("Thanks - to be clear, it's the €149 from 28 October" still tells what is asked), and something
        // done before it that the thanks are for.
        var text = CaseText.OwnWords(last.Text);
        return text.Length is > 0 and <= MaxLength && !text.Contains('?') && !text.Any(char.IsDigit) && Thanks().IsMatch(text) && !StillOpen().IsMatch(text)
            && EarlierSteps.SomethingDone(ticket)
            ? text
            : null;
    }

    [GeneratedRegex(@"\b(thanks|thank you|thx|cheers|gracias|danke|vielen dank|merci|obrigad[oa]|grazie|bedankt|dank (je|u) wel|dankjewel)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Thanks();

    // Anything that leaves the case open: an ask, a problem still there, a "but", a negation, waiting for an answer.
    [GeneratedRegex(@"(\b(but|however|still|yet|again|please|can you|could you|would you|refund\w*|cancel\w*|credit|charge\w*|in advance|wait\w*|look forward|"
        + @"pero|todav[íi]a|a[úu]n|otra vez|por favor|puede[ns]?|reembols\w*|cancel\w*|de antemano|esper\w*|"
        + @"aber|jedoch|noch|wieder|bitte|k[öo]nnen|erstatt\w*|k[üu]ndig\w*|im voraus|warte\w*|"
        + @"mais|toujours|encore|s'il vous pla[îi]t|svp|pouvez|rembours\w*|r[ée]sili\w*|d'avance|attend\w*|"
        + @"mas|ainda|de novo|podem|pode|estorn\w*|desde j[áa]|aguard\w*|"
        + @"ma|ancora|di nuovo|per favore|potete|rimbors\w*|disdi\w*|in anticipo|aspett\w*|"
        + @"maar|nog|opnieuw|alstublieft|graag|kunnen|kunt|terugbetal\w*|opzeg\w*|alvast|wacht\w*|"
        + @"not|no|never|nothing|nicht|kein\w*|nie|pas|jamais|rien|n[ãa]o|nunca|nada|non|mai|niet|geen|nooit)\b|n't\b)", RegexOptions.IgnoreCase)]
    private static partial Regex StillOpen();
}
