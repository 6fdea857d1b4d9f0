using System.Globalization;
using System.Text;

namespace Escalation.Core.Storage;

/// <summary>
/// Newest-first pages of cases. The token names the last case of a page (its creation instant and id), so the next
/// page starts right after it even when cases were added meanwhile: no case is skipped or shown twice.
/// </summary>
public static class CasePaging
{
    /// <summary>Newest first; cases created at the same instant by id.</summary>
    public static IOrderedEnumerable<CaseRecord> Order(IEnumerable<CaseRecord> cases) =>
        cases.OrderByDescending(c => c.Created.UtcTicks).ThenBy(c => c.CaseId, StringComparer.Ordinal);

    /// <summary>The page of <paramref name="cases"/> (any order) after <paramref name="continuation"/>.</summary>
    public static CasePage Slice(IEnumerable<CaseRecord> cases, int limit, string? continuation)
    {
        var after = continuation is null ? ((long, string)?)null : Parse(continuation);
        var rest = Order(cases).Where(c => after is not { } a || IsAfter(c, a.Item1, a.Item2));
        var page = rest.Take(limit + 1).ToList();
        var more = page.Count > limit;
        if (more)
        {
            page.RemoveAt(limit);
        }

        return new CasePage(page, more ? Token(page[^1]) : null);
    }

    /// <summary>The token of a page that ends with <paramref name="last"/>.</summary>
    public static string Token(CaseRecord last) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{last.Created.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{last.CaseId}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool IsAfter(CaseRecord c, long ticks, string caseId) =>
        c.Created.UtcTicks < ticks || (c.Created.UtcTicks == ticks && string.CompareOrdinal(c.CaseId, caseId) > 0);

    private static (long, string) Parse(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
            var bar = text.IndexOf('|');
            if (bar > 0 && long.TryParse(text[..bar], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && bar < text.Length - 1)
            {
                return (ticks, text[(bar + 1)..]);
            }
        }
        catch (FormatException)
        {
        }

        throw new FormatException("The continuation token is not one this service issued.");
    }
}
