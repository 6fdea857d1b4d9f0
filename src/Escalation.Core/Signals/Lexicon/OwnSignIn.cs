using System.Text.RegularExpressions;
using Escalation.Core.Tickets;

namespace Escalation.Core.Signals.Lexicon;

/// <summary>
/// A sign-in alert the customer says was their own ("I got a 'new login from Lisbon' alert. That was me, I'm at a
/// conference"; "c'était moi", "das war ich", "fui yo", "fui eu", "ero io", "dat was ik"): no break-in to escalate.
/// Only the alert itself is set aside; a password changed or a login "we don't recognise" still counts.
/// </summary>
internal static partial class OwnSignIn
{
    /// <summary>Whether <paramref name="evidence"/> is a sign-in alert that a customer message says was the customer's own.</summary>
    public static bool Explains(Evidence evidence, IReadOnlyList<TicketMessage> messages) =>
        evidence.Signal == "security" && Alert().IsMatch(evidence.Text)
        && messages.Any(m => m.IsFromCustomer && m.Text is { Length: > 0 } text && ItWasMe().IsMatch(text));

    [GeneratedRegex(@"^(new (login|sign-?in|sign in) from|(login|sign-in) from an unknown)", RegexOptions.IgnoreCase)]
    private static partial Regex Alert();

    [GeneratedRegex(@"\b((that|it|this|those|these) (was|were) (just |only |actually )?(me|us|myself|ourselves|my own login|one of us)\b|(i|we) (logged|signed) in (myself|ourselves)|c'[ée]tait (bien )?(moi|nous)|das (war|waren) (nur )?(ich|wir)|(fui|era) yo\b|fuimos nosotros|(fui|era) eu\b|fomos n[óo]s|(ero|sono stat[oa]) io|eravamo noi|dat (was|waren) (ik|wij|wijzelf|ikzelf)|ik was dat)", RegexOptions.IgnoreCase)]
    private static partial Regex ItWasMe();
}
