using Escalation.Core.Metrics;

namespace Escalation.Core.Tests.Metrics;

public class CostModelTests
{
    private static readonly AzurePrices OneToOne = AzurePrices.ListPrices with { EurPerUsd = 1m };

    [Fact]
    public void Estimate_Executions_PricedPerMillionAndPerGbSecond()
    {
        var usage = new CaseUsage { Route = "r", ActivityExecutions = 8, OrchestratorEpisodes = 9, HttpExecutions = 1 };
        var prices = OneToOne with { SecondsPerExecution = 0.1m, InstanceMemoryGb = 2m, FlexGbSecond = 0.00002m, FlexPerMillionExecutions = 0.5m };

        var cost = CostModel.Estimate(usage, prices);

        Assert.Equal(18 * 0.1m * 2m * 0.00002m, cost.Compute);
        Assert.Equal(18 * 0.5m / 1_000_000m, cost.Executions);
    }

    [Fact]
    public void Estimate_StorageTransactions_PricedPer10KByKind()
    {
        var usage = new CaseUsage { Route = "r", BlobWrites = 10, BlobReads = 20, TableTransactions = 30, QueueOperations = 40 };
        var prices = OneToOne with { BlobWritePer10K = 0.1m, BlobReadPer10K = 0.01m, TablePer10K = 0.001m, QueuePer10K = 0.05m };

        var cost = CostModel.Estimate(usage, prices);

        Assert.Equal((10 * 0.1m + 20 * 0.01m + 30 * 0.001m + 40 * 0.05m) / 10_000m, cost.StorageTransactions);
    }

    [Fact]
    public void Estimate_LanguageAndModel_ZeroWithoutUsage()
    {
        var cost = CostModel.Estimate(new CaseUsage { Route = "r", ActivityExecutions = 8 }, AzurePrices.ListPrices);

        Assert.Equal(0m, cost.Language);
        Assert.Equal(0m, cost.Model);
    }

    [Fact]
    public void Estimate_LanguageAndModel_PricedPerRecordAndPerMillionTokens()
    {
        var usage = new CaseUsage { Route = "r", LanguageTextRecords = 2, ModelInputTokens = 2000, ModelOutputTokens = 400 };

        var cost = CostModel.Estimate(usage, OneToOne);

        Assert.Equal(2 * 1.00m / 1000m, cost.Language);
        Assert.Equal((2000 * 0.15m + 400 * 0.60m) / 1_000_000m, cost.Model);
    }

    [Fact]
    public void Estimate_Euros_ApplyTheExchangeRateToEveryMeter()
    {
        var usage = new CaseUsage { Route = "r", ActivityExecutions = 10, BlobWrites = 5, LanguageTextRecords = 1 };

        var usd = CostModel.Estimate(usage, OneToOne);
        var eur = CostModel.Estimate(usage, OneToOne with { EurPerUsd = 0.5m });

        Assert.Equal(usd.Total * 0.5m, eur.Total);
    }

    [Fact]
    public void Estimate_Capacity_ChargedForTheRetentionPeriod()
    {
        var usage = new CaseUsage { Route = "r", StoredBytes = 1024 * 1024 * 1024 };

        var cost = CostModel.Estimate(usage, OneToOne with { StorageGbMonth = 0.02m, RetentionMonths = 12 });

        Assert.Equal(0.24m, cost.StorageCapacity);
    }

    [Fact]
    public void DurableTransactions_ActivitiesEventsAndEpisodes_AddQueueAndTableTraffic()
    {
        var (queue, table) = CostModel.DurableTransactions(activities: 12, episodes: 15, events: 1, timers: 1);

        Assert.Equal(12 * 6 + 3 * 3, queue);
        Assert.Equal(15 * 3, table);
    }

    [Fact]
    public void WithDurableTransactions_AddsProviderTrafficAndHistoryBytesToTheApplicationsOwn()
    {
        var usage = new CaseUsage { Route = "r", ActivityExecutions = 8, OrchestratorEpisodes = 9, TableTransactions = 3, StoredBytes = 100, HistoryBytes = 50 };

        var total = CostModel.WithDurableTransactions(usage);

        Assert.Equal(3 + 27, total.TableTransactions);
        Assert.Equal(8 * 6 + 3, total.QueueOperations);
        Assert.Equal(150, total.StoredBytes);
    }

    [Theory]
    [InlineData(new[] { 1 }, 1)]
    [InlineData(new[] { 1000 }, 1)]
    [InlineData(new[] { 1001 }, 2)]
    [InlineData(new[] { 0, 2500 }, 4)]
    public void TextRecords_EachDocumentIsCountedPerThousandCharacters(int[] lengths, int expected) =>
        Assert.Equal(expected, CostModel.TextRecords(lengths));

    [Fact]
    public void Episodes_OnePerStartActivityEventAndTimer() =>
        Assert.Equal(15, CostModel.Episodes(activities: 12, events: 1, timers: 1));
}
