using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Escalation.Core.Tickets;

namespace Escalation.Core.Cases;

/// <summary>
/// The ticket is about an order of goods or its delivery — a parcel, its tracking, a courier, an order number, an item
/// that arrived damaged or in the wrong size ("order #88123 … the tracking hasn't moved", "pedido 55-0912 … se les ha
/// despegado la suela", "mein Paket ist nicht angekommen"). The workspace's refund and credit rules are about the
/// subscription's own charges; a sum paid for goods is none of them, so no money is moved or promised for it and a
/// person answers — unless the workspace has a policy about goods (<see cref="NotCovered"/>).
/// </summary>
internal static partial class GoodsOrder
{
    private static readonly ConditionalWeakTable<Knowledge.Workspace, object> Covering = new();

    /// <summary>
    /// True when the ticket names an order of goods (<paramref name="goods"/>) and no policy of the workspace is about goods,
    /// orders or their delivery (by its title or tags: "Returns and deliveries", <c>tags: [order, shipping]</c>). A shop's
    /// workspace with such a policy decides its orders as any other ask.
    /// </summary>
    public static bool NotCovered(string? goods, Knowledge.Workspace workspace) =>
        goods is not null && !(bool)Covering.GetValue(workspace, ws => ws.Policies.Any(p => GoodsPolicy().IsMatch(p.Title) || p.Tags.Any(t => GoodsPolicy().IsMatch(t))));

    /// <summary>The words that name the order or its delivery, quoted; null when none.</summary>
    public static string? Find(CaseSubmission ticket)
    {
        foreach (var segment in CaseText.Segments(ticket))
        {
            var text = segment.Text;
            if (Delivery().Match(text) is { Success: true } delivery)
            {
                return delivery.Value;
            }

            // "the order number PO-7781 on the November invoice" is a purchase order for the invoice, not goods.
            if (OrderNumber().Match(text) is { Success: true } number && (!InvoiceWord().IsMatch(text) || GoodsWord().IsMatch(text)))
            {
                return number.Value;
            }

            if (OrderWord().Match(text) is { Success: true } order && GoodsWord().Match(text) is { Success: true } goods)
            {
                return order.Index < goods.Index ? $"{order.Value} … {goods.Value}" : $"{goods.Value} … {order.Value}";
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(orders?|deliver(y|ies)|shipping|shipments?|parcels?|goods|merchandise|returns?|pedidos?|env[íi]os?|devoluciones|Bestellung(en)?|Lieferung(en)?|Versand|R[üu]cksendung(en)?|commandes?|livraisons?|retours?|encomendas?|entregas?|devolu[çc][õo]es|ordini|spedizion[ei]|consegn[ae]|resi|bestelling(en)?|levering(en)?|verzending|retouren?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GoodsPolicy();

    // Words of delivery that a subscription's own charges never use. Not "package"/"paquete"/"Paket"/"pakket" alone (a plan
    // or a seat pack is called that too), nor "shipped", "envío", "livraison", "verzending" (a release, an e-mail's sending).
    [GeneratedRegex(@"\b(parcels?|tracking (number|code|link|info\w*|page|status)|in transit|couriers?|shipments?|shipping (label|address|status|cost)|out for delivery|return label|"
        + @"seguimiento del (pedido|env[íi]o|paquete)|mensajer[íi]a|repartidor|transportista|"
        + @"Sendungsnummer|Sendungsverfolgung|Paketdienst|Zusteller|Paketshop|"
        + @"colis|livreur|num[ée]ro de suivi|transporteur|"
        + @"rastreio|c[óo]digo de rastreamento|transportadora|"
        + @"pacco|corriere|tracciamento|"
        + @"pakketje|track (&|and) trace|koerier)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Delivery();

    // "order #88123", "Bestellung Nr. 40021", "commande n° 7781": not a purchase order for an invoice. Not "pedido" (also a
    // request in Spanish and Portuguese: "pedido nº 4521" may be the help desk's own), which needs a word of goods beside it.
    [GeneratedRegex(@"(?<!(purchase|bon de|orden de|ordem de) )\b(order|Bestellung|commande|encomenda|ordine|bestelling)\s*(n[ºo°r]\.?|nr\.?|no\.|number|n[úu]mero|nummer|num[ée]ro)?\s*[#:]?\s*(?!P\.?O\b)[A-Z]{0,3}-?\d[\d-]{3,}\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrderNumber();

    [GeneratedRegex(@"\b(invoice|factura|Rechnung|facture|fatura|fattura|factuur|VAT|IVA|TVA|BTW|USt)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InvoiceWord();

    [GeneratedRegex(@"(?<!(purchase|bon de|orden de|ordem de) )\b(my order|our order|the order|ordered|(mi|el) pedido(?! de)|hice un pedido|pedido (n[ºo°]\.? ?)?\S*\d|meine Bestellung|die Bestellung|bestellt|ma commande|la commande|command[ée]|a (minha )?encomenda|encomendei|il (mio )?ordine|l'ordine|ordinato|mijn bestelling|de bestelling|besteld)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrderWord();

    // What happens to goods: arrival, the item itself, its size, damage.
    [GeneratedRegex(@"\b(arriv(e|ed|al)|delivered|never came|wrong (item|size|colou?r)|the item|damaged|broken|no ha llegado|lleg[óo]|recibido|talla|da[ñn]ad[oa]s?|roto|angekommen|geliefert|Gr[öo][ßs]e|besch[äa]digt|kaputt|arriv[ée]e?s?|re[çc]u|taille|ab[îi]m[ée]e?s?|cass[ée]e?s?|chegou|recebi|tamanho|danificad[oa]s?|arrivat[oa]|ricevuto|taglia|danneggiat[oa]|rott[oa]|aangekomen|ontvangen|geleverd|maat|beschadigd|kapot|defective|defectuos[oa]s?|defecto|defeituos[oa]s?|defekt|d[ée]fectueu(x|se)|difettos[oa])\b", RegexOptions.IgnoreCase)]
    private static partial Regex GoodsWord();
}
