using Escalation.Core.Storage;
using Escalation.Infrastructure.Storage;

namespace Escalation.Bench;

/// <summary>What the drills read back from a data folder the server writes.</summary>
public static class BenchData
{
    /// <summary>Every case in a data directory's index as of now (opened read-only: a server may be writing it).</summary>
    public static async Task<IReadOnlyList<CaseRecord>> ReadIndexAsync(string dataDirectory)
    {
        await using var store = LocalCaseStore.OpenReadOnly(dataDirectory);
        return await store.Index.QueryAllAsync();
    }
}
