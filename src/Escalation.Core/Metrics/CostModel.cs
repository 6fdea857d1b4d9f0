namespace Escalation.Core.Metrics;

/// <summary>
/// Turns a case's usage into euros at list prices (no free grants), and derives the Durable Task Azure Storage
/// provider's queue and table traffic from the engine's counts.
/// </summary>
public static class CostModel
{
    /// <summary>Queue operations per activity call: work item put/get/delete, result message put/get/delete.</summary>
    public const int QueueOpsPerActivity = 6;

    /// <summary>Queue operations per start, external event or timer: one control-queue message put/get/delete.</summary>
    public const int QueueOpsPerMessage = 3;

    /// <summary>Table transactions per orchestrator episode: history read, history batch write, instance row write.</summary>
    public const int TableOpsPerEpisode = 3;

    /// <summary>The Durable provider's storage traffic for a case, added to the application's own.</summary>
    public static CaseUsage WithDurableTransactions(CaseUsage usage)
    {
        var (queue, table) = DurableTransactions(usage.ActivityExecutions, usage.OrchestratorEpisodes, usage.ExternalEvents, usage.Timers);
        return usage with
        {
            QueueOperations = usage.QueueOperations + queue,
            TableTransactions = usage.TableTransactions + table,
            StoredBytes = usage.StoredBytes + usage.HistoryBytes,
        };
    }

    /// <summary>Queue operations and table transactions the Durable Task Azure Storage provider spends on a case.</summary>
    public static (double QueueOperations, double TableTransactions) DurableTransactions(double activities, double episodes, double events, double timers) =>
        ((activities * QueueOpsPerActivity) + ((1 + events + timers) * QueueOpsPerMessage), episodes * TableOpsPerEpisode);

    /// <summary>Orchestrator episodes for a case: one to start, one per activity completion, event and timer.</summary>
    public static double Episodes(double activities, double events, double timers) => 1 + activities + events + timers;

    /// <summary>The case's cost in euros, by meter.</summary>
    public static CaseCost Estimate(CaseUsage usage, AzurePrices prices)
    {
        var executions = (decimal)(usage.ActivityExecutions + usage.OrchestratorEpisodes + usage.HttpExecutions);
        var fx = prices.EurPerUsd;
        var compute = executions * prices.SecondsPerExecution * prices.InstanceMemoryGb * prices.FlexGbSecond;
        var perExecution = executions * prices.FlexPerMillionExecutions / 1_000_000m;
        var transactions = ((decimal)usage.BlobWrites * prices.BlobWritePer10K
                            + (decimal)usage.BlobReads * prices.BlobReadPer10K
                            + (decimal)usage.TableTransactions * prices.TablePer10K
                            + (decimal)usage.QueueOperations * prices.QueuePer10K) / 10_000m;
        var capacity = (decimal)usage.StoredBytes / (1024m * 1024m * 1024m) * prices.StorageGbMonth * prices.RetentionMonths;
        var language = (decimal)usage.LanguageTextRecords * prices.LanguagePer1KRecords / 1000m;
        var model = ((decimal)usage.ModelInputTokens * prices.ModelInputPerMillion + (decimal)usage.ModelOutputTokens * prices.ModelOutputPerMillion) / 1_000_000m;
        return new CaseCost(usage.Route, compute * fx, perExecution * fx, transactions * fx, capacity * fx, language * fx, model * fx);
    }

    /// <summary>Azure AI Language text records for documents of these lengths (each document: ⌈chars / 1,000⌉, at least 1).</summary>
    public static int TextRecords(IEnumerable<int> documentLengths) =>
        documentLengths.Sum(n => Math.Max(1, (n + 999) / 1000));
}
