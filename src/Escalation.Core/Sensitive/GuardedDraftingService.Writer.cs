using Escalation.Core.Knowledge;

namespace Escalation.Core.Sensitive;

/// <summary>
/// <see cref="GuardedDraftingService"/> as an <see cref="IDraftWriter"/>: the hosts' case activities await it, and the
/// in-memory pipelines' <c>RunAsync</c> (CLI triage with <c>--drafter model</c>) runs it. Its task completes only when the
/// model has answered (or the composer fallback has been written), so the synchronous <c>Run</c> refuses it rather than
/// blocking a thread on the model call.
/// </summary>
public sealed class GuardedDraftWriter(GuardedDraftingService service) : IDraftWriter
{
    /// <summary><c>chat</c>: the draft's own <see cref="Draft.Writer"/> says whether the model or the composer wrote it.</summary>
    public string Name => "chat";

    /// <summary>False: the service already retried once with the violations and fell back to the composer.</summary>
    public bool CanRevise => false;

    public async ValueTask<Draft> WriteAsync(DraftRequest request, Workspace workspace, CancellationToken cancellationToken = default) =>
        (await service.WriteAsync(request, workspace, cancellationToken).ConfigureAwait(false)).Result.Draft;
}
