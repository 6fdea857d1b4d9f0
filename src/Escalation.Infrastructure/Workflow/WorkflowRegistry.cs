using System.Text.Json;

namespace Escalation.Infrastructure.Workflow;

/// <summary>The orchestrators and activities the embedded engine can run, by name, with JSON in and out.</summary>
public sealed class WorkflowRegistry
{
    /// <summary>How payloads are serialised into history (camelCase, like Durable's defaults for the isolated worker).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, Func<Core.Workflow.IWorkflowContext, string?, Task<string?>>> _orchestrators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RegisteredActivity> _activities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _versions = new(StringComparer.Ordinal);

    private sealed record RegisteredActivity(Func<string?, CancellationToken, Task<string?>> Run, bool Recomputable);

    /// <summary>Registers an orchestrator.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="run">The orchestrator.</param>
    /// <param name="version">
    /// The version new instances start with and keep (recorded in their history); null records none. An instance
    /// replays with the version it started with, whatever is registered now (see <see cref="Core.Workflow.WorkflowVersions"/>).
    /// </param>
    public WorkflowRegistry AddOrchestrator<TInput, TOutput>(string name, Func<Core.Workflow.IWorkflowContext, TInput, Task<TOutput>> run, string? version = null)
    {
        _orchestrators[name] = async (ctx, input) =>
            Serialize(await run(ctx, Deserialize<TInput>(input)!).ConfigureAwait(false));
        if (version is null)
        {
            _versions.Remove(name);
        }
        else
        {
            _versions[name] = version;
        }

        return this;
    }

    /// <summary>Registers an activity.</summary>
    /// <param name="name">The name the orchestrator calls it by.</param>
    /// <param name="run">The activity: JSON in and out is handled here.</param>
    /// <param name="recomputable">
    /// True for an activity that is safe to run again: it changes nothing outside the process (a pipeline stage whose
    /// working state stays in memory), or it stores what it changes, with a record that it was done, before it returns,
    /// so a second run returns what the first returned and repeats nothing. The engine records its result without
    /// waiting for the disk, and a crash that takes the record back makes the engine run it again. False (the default)
    /// for anything else, and for a result whose time the orchestrator builds on (the engine's clock moves on when an
    /// activity runs again): its result is on disk before the orchestrator moves on.
    /// </param>
    public WorkflowRegistry AddActivity<TInput, TOutput>(string name, Func<TInput, CancellationToken, Task<TOutput>> run, bool recomputable = false)
    {
        _activities[name] = new(async (input, ct) => Serialize(await run(Deserialize<TInput>(input)!, ct).ConfigureAwait(false)), recomputable);
        return this;
    }

    internal Func<Core.Workflow.IWorkflowContext, string?, Task<string?>> Orchestrator(string name) =>
        _orchestrators.TryGetValue(name, out var o) ? o : throw new InvalidOperationException($"No orchestrator named '{name}' is registered.");

    internal Func<string?, CancellationToken, Task<string?>> Activity(string name) =>
        _activities.TryGetValue(name, out var a) ? a.Run : throw new InvalidOperationException($"No activity named '{name}' is registered.");

    internal bool HasOrchestrator(string name) => _orchestrators.ContainsKey(name);

    /// <summary>The version new instances of <paramref name="name"/> start with; null when none was registered.</summary>
    internal string? VersionOf(string name) => _versions.GetValueOrDefault(name);

    /// <summary>Whether the activity was registered as recomputable (its result need not wait for the disk).</summary>
    internal bool IsRecomputable(string name) => _activities.TryGetValue(name, out var a) && a.Recomputable;

    public static string? Serialize<T>(T value) => value is null ? null : JsonSerializer.Serialize(value, Json);

    public static T? Deserialize<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, Json);
}
