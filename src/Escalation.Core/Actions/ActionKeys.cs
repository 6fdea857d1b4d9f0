using System.Security.Cryptography;
using System.Text;

namespace Escalation.Core.Actions;

/// <summary>
/// The idempotency key of an action: a hash of the case id, the action's position in the decision and its kind. The
/// same on every run, restart and retry of the case, so a receiver that has seen the key has done the action.
/// </summary>
public static class ActionKeys
{
    /// <summary><c>act_</c> and 32 hex digits of SHA-256(<c>caseId|index|kind</c>).</summary>
    public static string For(string caseId, int index, string kind)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{caseId}|{index}|{kind}"));
        return "act_" + Convert.ToHexStringLower(hash)[..32];
    }
}
