using Escalation.Core.Knowledge;

namespace Escalation.Core.Sensitive;

/// <summary>A draft with its tone-check, after at most one revision.</summary>
public sealed record CheckedDraft(Draft Draft, ToneCheck ToneCheck);

/// <summary>
/// Draft then tone-check; a failing draft of a revisable writer is written once more in plain mode and checked again.
/// Asynchronous because the writer may call a model; with a writer that completes synchronously (the composer) the
/// returned task is already completed and nothing is allocated for it.
/// </summary>
public sealed class CheckedDraftWriter(IDraftWriter writer, ToneCheckStage toneCheck)
{
    /// <summary>Write and check the reply for <paramref name="request"/>.</summary>
    public ValueTask<CheckedDraft> WriteAsync(DraftRequest request, Workspace workspace, CancellationToken cancellationToken = default)
    {
        var written = writer.WriteAsync(request, workspace, cancellationToken);
        return written.IsCompletedSuccessfully
            ? CheckAsync(written.Result, request, workspace, cancellationToken)
            : WriteThenCheckAsync(written, request, workspace, cancellationToken);
    }

    /// <summary>Tone-checks a written draft; a failing one is written once more, plainly, when the writer can revise.</summary>
    public ValueTask<CheckedDraft> CheckAsync(Draft draft, DraftRequest request, Workspace workspace, CancellationToken cancellationToken = default)
    {
        var check = toneCheck.Check(draft, request, workspace);
        if (check.Passed || !writer.CanRevise)
        {
            return new(new CheckedDraft(draft, check));
        }

        var revisedRequest = request with { Plain = true };
        var revising = writer.WriteAsync(revisedRequest, workspace, cancellationToken);
        return revising.IsCompletedSuccessfully
            ? new(Revised(revising.Result, revisedRequest, workspace))
            : ReviseAsync(revising, revisedRequest, workspace);
    }

    private async ValueTask<CheckedDraft> WriteThenCheckAsync(ValueTask<Draft> written, DraftRequest request, Workspace workspace, CancellationToken cancellationToken) =>
        await CheckAsync(await written.ConfigureAwait(false), request, workspace, cancellationToken).ConfigureAwait(false);

    private async ValueTask<CheckedDraft> ReviseAsync(ValueTask<Draft> revising, DraftRequest revisedRequest, Workspace workspace) =>
        Revised(await revising.ConfigureAwait(false), revisedRequest, workspace);

    private CheckedDraft Revised(Draft draft, DraftRequest revisedRequest, Workspace workspace)
    {
        var revised = draft with { Revised = true };
        return new CheckedDraft(revised, toneCheck.Check(revised, revisedRequest, workspace));
    }
}
