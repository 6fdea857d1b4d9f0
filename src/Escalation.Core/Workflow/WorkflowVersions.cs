using System.Globalization;

namespace Escalation.Core.Workflow;

/// <summary>
/// Orchestration versions. An instance keeps the version it started with; the orchestrator reads it from
/// <see cref="IWorkflowContext.Version"/> and takes the path that version took, so a deploy that adds, removes or
/// reorders activities, timers or waits never changes what a waiting instance replays.
/// </summary>
/// <remarks>
/// To change the sequence of a workflow: raise its version constant (e.g. <see cref="CaseWorkflow.Version"/>, and
/// host.json's <c>durableTask.defaultVersion</c> with it), and put the change behind
/// <c>if (WorkflowVersions.IsAtLeast(context.Version, N))</c>. The old branch stays until no instance of an older
/// version is waiting (the longest review SLA after the deploy). Versions are whole numbers.
/// </remarks>
public static class WorkflowVersions
{
    /// <summary>The whole-number version; an empty version (an instance from before versions were recorded) is 1.</summary>
    public static int Major(string? version)
    {
        if (string.IsNullOrEmpty(version))
        {
            return 1;
        }

        var dot = version.IndexOf('.');
        var head = dot < 0 ? version : version[..dot];
        return int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var major) && major > 0
            ? major
            : throw new FormatException($"Orchestration version '{version}' is not a whole number.");
    }

    /// <summary>True when an instance of <paramref name="version"/> takes the path introduced in <paramref name="major"/>.</summary>
    public static bool IsAtLeast(string? version, int major) => Major(version) >= major;
}
