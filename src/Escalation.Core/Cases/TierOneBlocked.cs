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

        if (texts.Select(t => SoleAdmin().Match(t)).FirstOrDefault(m => m.Success) is { } sole)
        {
            return sole.Value;
        }

        // The playbook's own limit: "escalate to L2 only if the admin screens show an error or the account is suspended".
        // Tier 1 tried the admin's fix and it failed ("Admin screen shows error 'Reset failed (code 2FA-409)'").
        return ticket.Handoff?.WhatTried.FirstOrDefault(a => Suspended().IsMatch(a.Result ?? "")
            || (AdminScreen().IsMatch($"{a.Action} {a.Result}") && ScreenError().IsMatch(a.Result ?? "")))?.Result;
    }

    [GeneratedRegex(@"\b(admin\w*|administrat\w*|settings|members|reset (two|2)[- ]?factor|back ?end|Einstellungen|Mitglieder|ajustes|configuraci[óo]n|miembros|param[èe]tres|membres|configura[çc][õo]es|membros|impostazioni|membri|instellingen|leden|beheer\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AdminScreen();

    [GeneratedRegex(@"\b(error|errors|fail(ed|s|ure)?|not applied|did not (apply|work)|didn't (apply|work)|Fehler\w*|fehlgeschlagen|nicht (übernommen|angewendet)|fall[óo]|no se aplic[óo]|erreur|[ée]chou[ée]e?|pas (été )?appliqu[ée]e?|erro|falhou|n[ãa]o foi aplicad[oa]|errore|non (è )?riuscit[oa]|fallit[oa]|non (è stat[oa] )?applicat[oa]|fout(melding)?|mislukt|niet toegepast)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ScreenError();

    [GeneratedRegex(@"\b(account (is |was |has been )?suspended|suspended account|Konto (ist |wurde )?suspendiert|cuenta (est[áa] |fue )?suspendida|compte (est |a été )?suspendu|conta (est[áa] |foi )?suspensa|account (è |è stato )?sospeso|account (is |werd )?(geschorst|opgeschort))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Suspended();

    [GeneratedRegex(@"\b(2fa|two[- ]factor|second factor|authenticator|mfa|backup codes?|locked out|can'?t (log|sign) ?in|cannot (log|sign) ?in|lost (my|his|her|their|the) (phone|device)|autenticaci[óo]n|autenticador|c[óo]digos de respaldo|no puedo (entrar|acceder)|zwei-?faktor|authentifizierung|ausgesperrt|double authentification|authentification|bloqu[ée]e? dehors|autentica[çc][ãa]o|autenticazione|autenticatore|tweestaps|twee-factor|buitengesloten|n[ãa]o consigo (fazer login|entrar|acessar)|kann mich nicht (mehr )?(anmelden|einloggen)|je ne peux (plus )?(pas )?me connecter|(non|nn) riesco (pi[ùu] )?ad? (accedere|entrare)|kan niet (meer )?inloggen|kan (\S+ ){0,2}niet meer inloggen)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LockedOut();

    [GeneratedRegex(@"\b((the|our) only (admin|administrator|owner)|(is|am|i'm|he's|she's) the (only|sole|single) (admin|administrator)|sole (admin|administrator)|no other (admins?|administrators?)|only one admin|[úu]nic[oa] (admin|administrador[a]?|administradora)|(no hay|sin) otro (admin|administrador)|ning[úu]n otro (admin|administrador)|einzige[rn]? (admin|administrator\w*)|kein(en)? andere[rn]? (admin|administrator\w*)|seul(e)? (admin|administrat(eur|rice))|aucun autre (admin|administrateur)|(sem|nenhum) outro (admin|administrador)|ningu[ée]m (mais )?(\S+ ){0,3}(tem )?acesso de admin|unic[oa] (admin|amministrat(ore|rice))|nessun altro (admin|amministratore)|enige (beheerder|admin)|geen andere (beheerder|admin)|niemand anders (\S+ ){0,2}(beheerder|admin|kan erbij))\b", RegexOptions.IgnoreCase)]
    private static partial Regex SoleAdmin();
}
