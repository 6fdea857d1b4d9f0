using System.Text.RegularExpressions;

namespace Escalation.Core.Cases;

/// <summary>
/// The writer says they are not the one who may change the account: "I'm not an admin on the account", "no soy el
/// titular", "ich bin kein Admin", "je ne suis pas l'administrateur", "não sou o administrador", "non sono
/// l'amministratore", "ik ben geen beheerder", "I don't have admin rights". A cancellation, refund or credit asked by
/// them is confirmed with the account's owner by a person before anything changes; the reply greets the writer, not the
/// account's contact.
/// </summary>
internal static partial class RequesterAuthority
{
    /// <summary>The customer's own words that say so, quoted; null when no customer message says it.</summary>
    public static string? NotAccountHolder(IReadOnlyList<CaseText.Segment> texts) =>
        texts.Where(s => s.Message >= 0)
            .Select(s => NotHolder().Match(s.Text) is { Success: true } m ? m : OwnerAway().Match(s.Text) is { Success: true } away ? away : ForTheirClient().Match(s.Text))
            .FirstOrDefault(m => m.Success)?.Value;

    /// <summary>
    /// The name the writer gives in the opening of their latest message ("Marco here", "this is Marco", "my name is Marco
    /// Rossi", "me llamo Lucía", "mein Name ist Jens", "je m'appelle Anne", "o meu nome é Rui", "mi chiamo Paolo", "mijn naam
    /// is Bram"), or the name it is signed with; null when neither is read.
    /// </summary>
    public static string? WriterName(string? latest, string? signed)
    {
        if (latest is not null && Introduced().Match(latest.Length > 300 ? latest[..300] : latest) is { Success: true } intro)
        {
            return intro.Groups["name"].Value;
        }

        return signed;
    }

    // Or the one who may is away: "Mark (the account owner) is away until January", "M. Laurent, qui a ouvert le compte, est
    // en arrêt maladie", "la titular de la cuenta está de baja", "der Kontoinhaber ist im Urlaub", "o titular está de férias",
    // "il titolare è in ferie", "de eigenaar is op vakantie".
    [GeneratedRegex(@"\b((account owner|account holder|owner of the account|admin of the account|opened the account|set up the account|titular\w*|titulaire du compte|ouvert le compte|cr[ée][ée] le compte|abri[óo] la cuenta|cre[óo] la cuenta|Kontoinhaber\w*|Inhaber\w* des Kontos|das Konto (er)?[öo]ffnet|das Konto angelegt|abriu a conta|criou a conta|titolare dell'account|aperto l'account|creato l'account|eigenaar van het account|accounthouder|het account (heeft )?(geopend|aangemaakt))\b[^.!?]{0,60}?\b(is|are|est|está|esta|ist|è|e'|se encuentra|encontra-se)\s+(\S+\s+)?(away|travel+ing|on (leave|holiday|vacation|sick leave|parental leave|maternity leave|a tour)|off sick|out of (the )?office|unavailable|in hospital|absent\w*|en (arr[êe]t|cong[ée]|vacances|d[ée]placement)|malade|de (baja|vacaciones|viaje|licen[çc]a|f[ée]rias)|enferm[oa]|im Urlaub|krank\w*|verreist|abwesend|nicht (da|erreichbar)|in (ferie|malattia|viaggio)|malat[oa]|assente|ausente|doente|op vakantie|ziek|afwezig|er niet)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex OwnerAway();

    [GeneratedRegex(@"\b((i'?m|i am) not (an?|the) (\S+ )?(admin|administrator|owner|account owner|account holder|billing contact)|not an? (admin|administrator) (on|of|for) (the|this|our) account|(i )?(don'?t|do not) have (any )?(admin|administrator|owner) (rights|access|permissions?)|no soy (el |la |un |una )?(admin|administrador[a]?|titular|propietari[oa]|due[ñn][oa])|no tengo (permisos|derechos|acceso) de admin\w*|ich bin (kein(e)?|nicht (der|die)) (Admin\w*|Administrator\w*|Kontoinhaber\w*|Inhaber\w*)|(ich habe )?keine Admin-?[Rr]echte|je ne suis pas (l'|le |la |un |une )?(admin\w*|titulaire|propri[ée]taire)|je n'ai pas (les )?droits d'admin\w*|n[ãa]o sou (o |a |um |uma )?(admin|administrador[a]?|titular|dono|dona|propriet[áa]ri[oa])|n[ãa]o tenho (permiss[õo]es|direitos|acesso) de admin\w*|non sono (l'|il |la |un |una )?(admin|amministrat(ore|rice)|titolare|proprietari[oa])|non ho (i )?(permessi|diritti) di (admin|amministra\w*)|ik ben (geen|niet de) (beheerder|admin|eigenaar|accounthouder)|(ik heb )?geen (beheerders|admin)rechten|(we'?re|we are) not (an?|the) (\S+ )?(admin|administrator|owner|account owner|account holder)|the account (is|belongs to|is held by|is owned by)\s+(held by |owned by )?(our |the )?(head office|headquarters|hq|group|parent company|holding)|no somos (el |la |los |las )?(titular\w*|propietari[oa]s|due[ñn][oa]s)|wir sind (nicht|kein(e)?) (der |die )?(Kontoinhaber\w*|Inhaber\w*|Admin\w*)|das Konto geh[öo]rt (der|dem|unserer|unserem) (Zentrale|Konzern|Gruppe|Hauptsitz|Mutter\w*)|nous ne sommes pas (l'|le |la |les )?(titulaire\w*|propri[ée]taire\w*|admin\w*)|n[ãa]o somos (o |a |os |as )?(titular\w*|dono\w*|propriet[áa]ri\w*)|non siamo (il |la |i |gli )?(titolar\w*|proprietari\w*)|(we|wij) zijn (geen|niet de) (eigenaar|accounthouder|beheerder)\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotHolder();

    // Or a reseller, partner, agency or consultancy acts for its client, who holds the account: "on behalf of our client",
    // "we manage the account of our client", "our client … has asked us to cancel", "gestionamos la cuenta de nuestro
    // cliente", "o nosso cliente … pediu-nos", "notre client nous a demandé", "unser Kunde hat uns gebeten", "il nostro
    // cliente ci ha chiesto", "onze klant heeft ons gevraagd".
    [GeneratedRegex(@"\b((on behalf of|in the name of) (our|a|one of our) (client|customer)s?\b[^.!?]{0,80}\b(account|subscription|plan|refund|cancel\w*)|(manage|run|administer|handle) (the )?(account|subscription) (of|for) (our|a) (client|customer)|(en nombre|de parte) de (nuestro|nuestra|un|una) client[ea]|(gestionamos|llevamos|administramos) la cuenta de (nuestro|nuestra|un|una) client[ea]|(em nome|da parte) d[oa] (nosso|nossa|um|uma) client[ea]|(gerimos|administramos) a conta d[oa] (nosso|nossa|um|uma) client[ea]|(au nom|pour le compte) de (notre|un de nos) client|(nous g[ée]rons|nous administrons) le compte de (notre|nos|un de nos) clients?|im (Auftrag|Namen) (unseres|unserer|eines) (Kunden|Mandanten|Klienten)|wir (verwalten|betreuen) das Konto (unseres|unserer|eines) (Kunden|Mandanten)|(per conto|a nome) del (nostro|di un) cliente|(gestiamo|amministriamo) l'account del (nostro|di un) cliente|namens (onze|een) klant|(wij|we) beheren het account van (onze|een) klant"
        + @"|((our|a) (client|customer)\b[^!?\n]{0,60}\b(has )?(asked|instructed|requested|mandated) us|(nuestro|nuestra) client[ea]\b[^!?\n]{0,60}\bnos (ha |han )?(pedido|solicitado|encargado|pidi[óo]|pidieron|encarg[óo])|(nosso|nossa) client[ea]\b[^!?\n]{0,60}\b(pediu|pediram|solicitou)-nos|(nosso|nossa) client[ea]\b[^!?\n]{0,60}\bnos (pediu|pediram|solicitou)|(notre|nos) clients?\b[^!?\n]{0,60}\bnous (a|ont) (demand[ée]|mandat[ée]s?|charg[ée]s?)|(unser|unsere) (Kunde|Kundin|Mandant|Mandantin)\b[^!?\n]{0,60}\bhat uns (gebeten|beauftragt)|(nostro|nostra) client[ea]\b[^!?\n]{0,60}\bci (ha|hanno) (chiesto|incaricat[oi])|onze klant\b[^!?\n]{0,60}\bheeft ons (gevraagd|opdracht gegeven))[^!?\n]{0,60}?\b" + AccountChange + @")", RegexOptions.IgnoreCase)]
    private static partial Regex ForTheirClient();

    // What the client's intermediary asks done to the account: cancel, close, refund, change plan, in the seven languages.
    private const string AccountChange = @"(cancel|clos|refund|downgrad|upgrad|switch|terminat|remov|pasar|cambi|dar de baja|devolv|reembols|anul|k[üu]ndig|erstatt|stornier|wechsel|umstell|r[ée]sili|annul|rembours|passer|devolu|mudar|encerrar|disdi|annull|rimbors|passare|opzeg|terugbetal|terugstort|annuleer|wijzig|overstap|stopzet)";

    [GeneratedRegex(@"^\W*(hi|hello|hey|hola|buenas|hallo|moin|bonjour|salut|ol[áa]|oi|ciao|buongiorno|goedemorgen|goedendag|hoi)?[\s,!.]*((?<name>(?-i:\p{Lu}\p{Ll}+)) here\b|(this is|my name is|me llamo|soy|mein name ist|hier (ist|schreibt)|je m'appelle|ici|o meu nome [ée]|meu nome [ée]|aqui [ée]|mi chiamo|sono|mijn naam is|hier is) (?<name>(?-i:\p{Lu}\p{Ll}+))\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Introduced();
}
