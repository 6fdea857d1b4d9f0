using Escalation.Core.Knowledge;

namespace Escalation.Core.Sensitive;

/// <summary>
/// <see cref="GuardedDraftingService"/> as an <see cref="IDraftWriter"/>, so the in-memory
/// <see cref="SensitiveCasePipeline"/> (CLI triage, benchmarks) can draft with a chat model.
/// It blocks on the model call; hosts with an async activity should call the service directly.
/// </summary>
public sealed class GuardedDraftWriter(GuardedDraftingService service) : IDraftWriter
{
    /// <summary><c>chat</c>: the draft's own <see cref="Draft.Writer"/> says whether the model or the composer wrote it.</summary>
    public string Name => "chat";

    /// <summary>False: the service already retried once with the violations and fell back to the composer.</summary>
    public bool CanRevise => false;

    public Draft Write(DraftRequest request, Workspace workspace) =>
        service.WriteAsync(request, workspace).GetAwaiter().GetResult().Result.Draft;
}
