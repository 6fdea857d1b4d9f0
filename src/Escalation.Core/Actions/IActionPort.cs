namespace Escalation.Core.Actions;

/// <summary>
/// Where approved actions are executed: the help desk (its macros and automations act on the structured actions it is
/// sent) or a billing webhook. Called by a workflow activity after auto-approval or a reviewer's approval and before the
/// reply is sent; called again with the same keys after a crash or a retry, so a receiver must treat a key it has seen as
/// done.
/// </summary>
public interface IActionPort
{
    /// <summary>Short name for the trace and the case (<c>help-desk</c>, <c>webhook</c>).</summary>
    string Name { get; }

    /// <summary>Executes the actions; one result per action, in order. Never throws for a refused or failed action.</summary>
    Task<IReadOnlyList<ActionResult>> ExecuteAsync(ActionBatch batch, CancellationToken cancellationToken = default);
}

/// <summary>The actions of one case to execute now.</summary>
/// <param name="CallbackUrl">The ticket's help-desk callback, when it has one.</param>
public sealed record ActionBatch(string CaseId, string TicketId, string? CallbackUrl, IReadOnlyList<KeyedAction> Actions);

/// <summary>An action with its idempotency key and, when a reviewer changed the amount, the amount first proposed.</summary>
public sealed record KeyedAction(string IdempotencyKey, CaseAction Action, decimal? ProposedAmount = null);

/// <summary>What became of one action.</summary>
/// <param name="Executed">True when the receiver confirmed it (2xx).</param>
/// <param name="Detail">How it went, for the trace and the case (never a secret).</param>
public sealed record ActionResult(string IdempotencyKey, bool Executed, string Detail);
