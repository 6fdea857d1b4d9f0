using System.Text.RegularExpressions;
using Escalation.Core.Tickets;

namespace Escalation.Core.Cases;

/// <summary>
/// A way back to tier 1 that is closed: the playbook's fix for a lost second factor or a locked account is an admin
/// resetting it, and the person locked out is the only admin ("He is the only admin", "Soy el único administrador", "no
/// other admins"). Only an identity check and a reset at the back end open the account, which tier 1 cannot do.
/// </summary>
internal static partial class TierOneBlocked
{
    /// <summary>What closes the way, quoted; null when nothing does.</summary>
    public static string? Why(CaseSubmission ticket)
    {
        var texts = CaseText.Segments(ticket).Select(s => s.Text)
            .Concat(ticket.Handoff?.WhatTried.Select(a => $"{a.Action}: {a.Result}") ?? []).ToList();
        if (!texts.Any(t => LockedOut().IsMatch(t)))
        {
            return null;
        }

        return texts.Select(t => SoleAdmin().Match(t)).FirstOrDefault(m => m.Success)?.Value;
    }

    [GeneratedRegex(@"\b(2fa|two[- ]factor|second factor|authenticator|mfa|backup codes?|locked out|can'?t (log|sign) ?in|cannot (log|sign) ?in|lost (my|his|her|their|the) (phone|device)|autenticaci[óo]n|autenticador|c[óo]digos de respaldo|no puedo (entrar|acceder)|zwei-?faktor|authentifizierung|ausgesperrt|double authentification|authentification|bloqu[ée]e? dehors|autentica[çc][ãa]o|autenticazione|autenticatore|tweestaps|twee-factor|buitengesloten|n[ãa]o consigo (fazer login|entrar|acessar)|kann mich nicht (mehr )?(anmelden|einloggen)|je ne peux (plus )?(pas )?me connecter|non riesco (pi[ùu] )?ad? (accedere|entrare)|kan niet (meer )?inloggen|kan (\S+ ){0,2}niet meer inloggen)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LockedOut();

    [GeneratedRegex(@"\b((the|our) only (admin|administrator|owner)|(is|am|i'm|he's|she's) the (only|sole|single) (admin|administrator)|sole (admin|administrator)|no other (admins?|administrators?)|only one admin|[úu]nic[oa] (admin|administrador[a]?|administradora)|(no hay|sin) otro (admin|administrador)|ning[úu]n otro (admin|administrador)|einzige[rn]? (admin|administrator\w*)|kein(en)? andere[rn]? (admin|administrator\w*)|seul(e)? (admin|administrat(eur|rice))|aucun autre (admin|administrateur)|(sem|nenhum) outro (admin|administrador)|ningu[ée]m (mais )?(\S+ ){0,3}(tem )?acesso de admin|unic[oa] (admin|amministrat(ore|rice))|nessun altro (admin|amministratore)|enige (beheerder|admin)|geen andere (beheerder|admin)|niemand anders (\S+ ){0,2}(beheerder|admin|kan erbij))\b", RegexOptions.IgnoreCase)]
    private static partial Regex SoleAdmin();
}
