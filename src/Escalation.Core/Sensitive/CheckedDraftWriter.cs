using Escalation.Core.Knowledge;

namespace Escalation.Core.Sensitive;

/// <summary>A draft with its tone-check, after at most one revision.</summary>
public sealed record CheckedDraft(Draft Draft, ToneCheck ToneCheck);

/// <summary>Draft then tone-check; a failing draft of a revisable writer is written once more in plain mode and checked again.</summary>
public sealed class CheckedDraftWriter(IDraftWriter writer, ToneCheckStage toneCheck)
{
    /// <summary>Write and check the reply for <paramref name="request"/>.</summary>
    public CheckedDraft Write(DraftRequest request, Workspace workspace) => Check(writer.Write(request, workspace), request, workspace);

    /// <summary>Tone-checks a written draft; a failing one is written once more, plainly, when the writer can revise.</summary>
    public CheckedDraft Check(Draft draft, DraftRequest request, Workspace workspace)
    {
        var check = toneCheck.Check(draft, request, workspace);
        if (check.Passed || !writer.CanRevise)
        {
            return new CheckedDraft(draft, check);
        }

        var revisedRequest = request with { Plain = true };
        var revised = writer.Write(revisedRequest, workspace) with { Revised = true };
        return new CheckedDraft(revised, toneCheck.Check(revised, revisedRequest, workspace));
    }
}
