using Escalation.Core.Knowledge;
using Escalation.Core.Tickets;

namespace Escalation.Core.Cases;

/// <summary>Builds the customer a case is about: the workspace entity with the ticket's inline fields on top.</summary>
public static class CaseCustomer
{
    /// <summary>
    /// The workspace profile overridden by inline fields, or the inline profile alone for a new customer;
    /// null when the id is unknown and the inline profile cannot stand alone (no name or tier).
    /// </summary>
    public static CustomerEntity? Resolve(CustomerProfile inline, Workspace workspace)
    {
        var known = workspace.FindCustomer(inline.Id);
        if (known is null)
        {
            if (!inline.CanStandAlone)
            {
                return null;
            }

            known = new CustomerEntity { Id = inline.Id, Name = inline.Name!, Tier = inline.Tier!, Currency = workspace.Routing.DefaultCurrency };
        }

        return known with
        {
            Name = inline.Name ?? known.Name,
            Email = inline.Email ?? known.Email,
            Company = inline.Company ?? known.Company,
            Tier = inline.Tier ?? known.Tier,
            Mrr = inline.Mrr ?? (inline.Arr is { } arr ? Math.Round(arr / 12, 2) : known.Mrr),
            Arr = inline.Arr ?? known.Arr,
            Currency = inline.Currency ?? known.Currency,
            CustomerSince = inline.CustomerSince ?? known.CustomerSince,
            RenewalDate = inline.RenewalDate ?? known.RenewalDate,
            Vip = inline.Vip ?? known.Vip,
        };
    }
}
