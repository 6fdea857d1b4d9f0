using System.Security.Cryptography;
using System.Text;

namespace Escalation.Core.Cases;

/// <summary>
/// Case id = orchestration instance id, derived from the help desk's ticket id and revision, so a repeated
/// submission finds the running case instead of starting a second one.
/// </summary>
public static class CaseIds
{
    /// <summary>
    /// <c>{slug}-r{revision}-{hash8}</c>: a readable slug of the ticket id (lowercase letters, digits, '-'),
    /// plus 8 hex digits of SHA-256 over the exact ticket id and revision so ids that slug alike stay distinct.
    /// </summary>
    public static string For(string ticketId, int revision)
    {
        var slug = new StringBuilder(ticketId.Length);
        foreach (var c in ticketId.Trim().ToLowerInvariant())
        {
            if (slug.Length >= 48)
            {
                break;
            }

            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{ticketId}\n{revision}")))[..8];
        var s = slug.ToString().Trim('-');
        return $"{(s.Length == 0 ? "ticket" : s)}-r{revision}-{hash}";
    }
}
