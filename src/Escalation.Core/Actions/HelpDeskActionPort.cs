using System.Security.Cryptography;
using System.Text;
using Escalation.Core.Notifications;

namespace Escalation.Core.Actions;

/// <summary>
/// The default action port: the help desk executes the actions. The ticket's callback receives one <c>actions</c> note
/// listing every action with its idempotency key (help-desk macros, automations or a billing integration act on them and
/// drop keys they have seen); a 2xx answer is taken as the help desk accepting them. A ticket without a callback URL has
/// nobody to execute them, so they fail rather than be claimed.
/// </summary>
public sealed class HelpDeskActionPort(IHelpDeskCallback callback, TimeProvider time) : IActionPort
{
    /// <summary>The event of the note that carries the actions.</summary>
    public const string Event = "actions";

    public string Name => "help-desk";

    public async Task<IReadOnlyList<ActionResult>> ExecuteAsync(ActionBatch batch, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(batch.CallbackUrl))
        {
            return All(batch, false, "not executed: the ticket has no callbackUrl and no action webhook is set (Escalation:Actions:WebhookUrl)");
        }

        var note = new HelpDeskNote
        {
            CaseId = batch.CaseId,
            TicketId = batch.TicketId,
            Event = Event,
            Actions = batch.Actions.Select(a => ActionInstruction.From(a)).ToArray(),
            At = time.GetUtcNow(),
        };
        var result = await callback.NotifyAsync(batch.CallbackUrl, note, NoteKey(batch), cancellationToken).ConfigureAwait(false);
        return result.Delivered
            ? All(batch, true, $"handed to the help desk (HTTP {result.StatusCode}, {result.Attempts} attempt(s))")
            : All(batch, false, $"the help desk did not accept it after {result.Attempts} attempt(s){(result.StatusCode is { } s ? $" (HTTP {s})" : "")}");
    }

    /// <summary>The note's own key: the case and the action keys it carries, so the same batch always has the same key.</summary>
    public static string NoteKey(ActionBatch batch) =>
        $"{batch.CaseId}:actions:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(",", batch.Actions.Select(a => a.IdempotencyKey)))))[..16]}";

    private static IReadOnlyList<ActionResult> All(ActionBatch batch, bool executed, string detail) =>
        batch.Actions.Select(a => new ActionResult(a.IdempotencyKey, executed, detail)).ToArray();
}
