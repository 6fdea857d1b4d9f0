using Escalation.Core.Tracing;

namespace Escalation.Core.Privacy;

/// <summary>
/// Which parts of a <see cref="DecisionTrace"/> are personal data, and their sealing under the case key. Everything a
/// person wrote or that quotes them is sealed: the stages' entries, the decision's reasons (they quote the ticket), the
/// internal notes, the evidence spans, the priority's reason and the customer's e-mail. What stays readable is the
/// decision's skeleton: ids, kinds, route, flags and scores, policy citations, precedents, playbook, actor, times and
/// hashes — enough to audit what was decided under which policy after the customer's data is erased — and the
/// <c>actions</c> stage's entries: what money moved (amount, currency, idempotency key, outcome) is written by the
/// service from the policy, quotes nobody, and is a financial record kept after an erasure.
/// </summary>
public static class TraceSealing
{
    /// <summary>The associated-data context of a trace's sealed values.</summary>
    public const string Context = "trace";

    /// <summary>The stage whose entries stay readable: the actions proposed and executed.</summary>
    public const string ActionsStage = "actions";

    /// <summary>The trace with its personal fields sealed under <paramref name="key"/> (already sealed ones stay as they are).</summary>
    public static DecisionTrace Seal(DecisionTrace trace, byte[] key) => Map(trace, text => text.Length == 0 || SealedText.IsSealed(text) ? text : SealedText.Seal(key, Context, text));

    /// <summary>
    /// The trace with its sealed fields opened under <paramref name="key"/>; where the key was destroyed (null) or a value
    /// does not open, the field reads <see cref="SealedText.Erased"/>.
    /// </summary>
    public static DecisionTrace Open(DecisionTrace trace, byte[]? key) => Map(trace, text => SealedText.IsSealed(text) ? SealedText.Open(key, Context, text) ?? SealedText.Erased : text);

    /// <summary>Whether any field of the trace is sealed (a trace written before sealing has none).</summary>
    public static bool HasSealedFields(DecisionTrace trace)
    {
        var found = false;
        Map(trace, text =>
        {
            found |= SealedText.IsSealed(text);
            return text;
        });
        return found;
    }

    private static DecisionTrace Map(DecisionTrace t, Func<string, string> f) => t with
    {
        Entries = [.. t.Entries.Select(e => e.Stage == ActionsStage ? e : e with { Text = f(e.Text) })],
        Decision = t.Decision is { } d ? d with { Reasons = [.. d.Reasons.Select(f)] } : null,
        InternalNotes = [.. t.InternalNotes.Select(f)],
        Signals = t.Signals is { } s ? s with { PriorityReason = f(s.PriorityReason), Evidence = [.. s.Evidence.Select(e => e with { Text = f(e.Text) })] } : null,
        Customer = t.Customer is { Email: { } email } c ? c with { Email = f(email) } : t.Customer,
    };
}
