namespace Escalation.Core.Metrics;

/// <summary>
/// What one case consumes on Azure, per case (averages over the cases measured). Engine counts come from running
/// the real case workflow; storage counts from counting decorators over the storage ports; the Durable Task
/// provider's own queue and table traffic is derived from the engine counts by <see cref="CostModel.DurableTransactions"/>.
/// </summary>
public sealed record CaseUsage
{
    /// <summary>The route (or <c>all</c>).</summary>
    public required string Route { get; init; }

    /// <summary>How many cases the averages are over.</summary>
    public int Cases { get; init; } = 1;

    /// <summary>Activity functions run (each is one billed execution).</summary>
    public double ActivityExecutions { get; init; }

    /// <summary>Orchestrator episodes (start, each activity completion, each event or timer: one billed execution each).</summary>
    public double OrchestratorEpisodes { get; init; }

    /// <summary>HTTP-triggered executions for the case (submit; review page and form for reviewed cases).</summary>
    public double HttpExecutions { get; init; }

    /// <summary>External events raised (reviewer decisions).</summary>
    public double ExternalEvents { get; init; }

    /// <summary>Durable timers created (the review SLA timer).</summary>
    public double Timers { get; init; }

    /// <summary>History events recorded for the case.</summary>
    public double HistoryEvents { get; init; }

    /// <summary>Bytes of history recorded for the case.</summary>
    public double HistoryBytes { get; init; }

    /// <summary>Blob writes by the application (trace blobs, chain slots, artifacts, list calls — priced as writes).</summary>
    public double BlobWrites { get; init; }

    /// <summary>Blob reads by the application.</summary>
    public double BlobReads { get; init; }

    /// <summary>Table transactions by the application (case index reads and writes).</summary>
    public double TableTransactions { get; init; }

    /// <summary>Queue operations by the application (inbound queue, when tickets arrive by queue).</summary>
    public double QueueOperations { get; init; }

    /// <summary>Bytes the case leaves in storage (traces, artifacts, index row, history).</summary>
    public double StoredBytes { get; init; }

    /// <summary>Azure AI Language text records (1 record = up to 1,000 characters of one document).</summary>
    public double LanguageTextRecords { get; init; }

    public double ModelInputTokens { get; init; }

    public double ModelOutputTokens { get; init; }
}

/// <summary>Euro cost of one case by meter, and the total.</summary>
public sealed record CaseCost(string Route, decimal Compute, decimal Executions, decimal StorageTransactions, decimal StorageCapacity, decimal Language, decimal Model)
{
    public decimal Total => Compute + Executions + StorageTransactions + StorageCapacity + Language + Model;
}
