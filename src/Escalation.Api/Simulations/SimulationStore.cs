using System.Text.Json;
using Escalation.Core.Storage;

namespace Escalation.Api.Simulations;

/// <summary>
/// What a what-if run keeps, under its id: the request, the candidate workspace's files, the plan (the case ids), one
/// result per batch and the report. Files under <c>&lt;data&gt;/simulations</c> locally, the <c>simulations</c> blob
/// container on Azure. Nothing here is personal data beyond case ids: the comparisons hold routes and reason codes.
/// </summary>
public sealed class SimulationStore(IStageArtifactStore inner)
{
    public const string Container = "simulations";
    public const string BatchPrefix = "batch-";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public Task PutAsync<T>(string id, string name, T value, CancellationToken cancellationToken = default) =>
        inner.PutAsync(id, name, JsonSerializer.Serialize(value, Web), cancellationToken);

    public async Task<T?> GetAsync<T>(string id, string name, CancellationToken cancellationToken = default)
        where T : class =>
        await inner.GetAsync(id, name, cancellationToken).ConfigureAwait(false) is { } json ? JsonSerializer.Deserialize<T>(json, Web) : null;

    /// <summary>How many batch results are stored (the run's progress).</summary>
    public async Task<int> BatchesDoneAsync(string id, CancellationToken cancellationToken = default) =>
        (await inner.ListAsync(id, cancellationToken).ConfigureAwait(false)).Count(n => n.StartsWith(BatchPrefix, StringComparison.Ordinal));

    public static string BatchName(int batch) => $"{BatchPrefix}{batch:D6}";
}
