using System.Globalization;
using System.Text.RegularExpressions;

namespace Escalation.Core.Knowledge;

/// <summary>
/// A retention discount the customer accepted, read from the account's notes (<c>openIssues</c> and the history's
/// summaries, as a team writes them: "Accepted a 20% retention discount for 3 months on 2026-09-15 (September to
/// November)"). Its period is the months named ("September to November"), else the months counted from its date ("for 3
/// months on 2026-09-15"), else the cancellation policy's <c>retentionMonths</c> from that date. The cancellation policy's
/// guardrails read it: charges in the period are not refunded without a manager, and the offer is made at most once in
/// twelve months.
/// </summary>
public static partial class RetentionDiscounts
{
    /// <summary>An accepted discount: the days it covers and the note that says so.</summary>
    public sealed record Accepted(DateOnly From, DateOnly To, string Note)
    {
        public bool Covers(DateOnly day) => day >= From && day <= To;
    }

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>The latest discount the notes say the customer accepted on or before <paramref name="today"/>; null when none.</summary>
    public static Accepted? Latest(CustomerEntity customer, DateOnly today, int defaultMonths = 3)
    {
        var notes = customer.OpenIssues.Select(text => (Text: text, Date: (DateOnly?)null))
            .Concat(customer.History.Where(h => h.Summary is not null).Select(h => (Text: h.Summary!, Date: (DateOnly?)h.Date)));
        Accepted? latest = null;
        foreach (var (text, dated) in notes)
        {
            if (!AcceptedDiscount().IsMatch(text))
            {
                continue;
            }

            var on = IsoDate().Match(text) is { Success: true } iso
                ? DateOnly.ParseExact(iso.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : dated ?? today;
            if (on > today)
            {
                continue;
            }

            var found = Period(text, on, defaultMonths);
            if (latest is null || found.From > latest.From)
            {
                latest = found;
            }
        }

        return latest;
    }

    private static Accepted Period(string text, DateOnly on, int defaultMonths)
    {
        if (MonthSpan().Match(text) is { Success: true } span
            && Month(span.Groups["a"].Value) is { } first && Month(span.Groups["b"].Value) is { } last)
        {
            var from = new DateOnly(on.Month - first > 6 ? on.Year + 1 : first - on.Month > 6 ? on.Year - 1 : on.Year, first, 1);
            var end = new DateOnly(last >= first ? from.Year : from.Year + 1, last, 1);
            return new(from, end.AddMonths(1).AddDays(-1), text);
        }

        var months = ForMonths().Match(text) is { Success: true } count ? int.Parse(count.Groups["n"].Value, CultureInfo.InvariantCulture) : defaultMonths;
        return new(on, on.AddMonths(Math.Clamp(months, 1, 36)).AddDays(-1), text);
    }

    private static int? Month(string word)
    {
        var i = Array.FindIndex(MonthNames, m => m.StartsWith(word.ToLowerInvariant(), StringComparison.Ordinal) && word.Length >= 3);
        return i < 0 ? null : i + 1;
    }

    [GeneratedRegex(@"\b(accept\w*|agreed to|took|aceptó|acept\w*|akzeptiert|angenommen|accept[ée]e?|aceit\w*|accettat\w*|geaccepteerd|aanvaard)\b.{0,40}\b(retention )?(discount|descuento|Rabatt|remise|desconto|sconto|korting)|\b(retention discount|descuento de retención|Halterabatt|remise de fidélisation)\b.{0,40}\baccept", RegexOptions.IgnoreCase)]
    private static partial Regex AcceptedDiscount();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?<a>jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)\s*(to|through|until|till|-|–)\s*(?<b>jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthSpan();

    [GeneratedRegex(@"\bfor (?<n>\d{1,2}) months?\b", RegexOptions.IgnoreCase)]
    private static partial Regex ForMonths();
}
