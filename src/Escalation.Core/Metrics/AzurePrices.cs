namespace Escalation.Core.Metrics;

/// <summary>
/// List prices used by the cost estimate, in US dollars as published, with the exchange rate to euros.
/// The defaults and their sources and dates are documented in <c>docs/costs.md</c>; change them there and here together.
/// </summary>
public sealed record AzurePrices
{
    /// <summary>Flex Consumption on-demand execution time, USD per GB-second.</summary>
    public decimal FlexGbSecond { get; init; } = 0.000026m;

    /// <summary>Flex Consumption on-demand executions, USD per million.</summary>
    public decimal FlexPerMillionExecutions { get; init; } = 0.40m;

    /// <summary>Instance memory size the app runs with (Flex default 2,048 MB), in GB.</summary>
    public decimal InstanceMemoryGb { get; init; } = 2.048m;

    /// <summary>Billed active seconds per execution (assumption: storage round trips dominate; no overlap credited).</summary>
    public decimal SecondsPerExecution { get; init; } = 0.05m;

    /// <summary>Hot block blob write/list operations, USD per 10,000.</summary>
    public decimal BlobWritePer10K { get; init; } = 0.065m;

    /// <summary>Hot block blob read operations, USD per 10,000.</summary>
    public decimal BlobReadPer10K { get; init; } = 0.005m;

    /// <summary>Table storage transactions, USD per 10,000.</summary>
    public decimal TablePer10K { get; init; } = 0.00036m;

    /// <summary>Queue operations, USD per 10,000 (the higher class-1 price applied to all).</summary>
    public decimal QueuePer10K { get; init; } = 0.05m;

    /// <summary>Capacity, USD per GB-month (hot blob LRS, the dearest of blob/table/queue capacity).</summary>
    public decimal StorageGbMonth { get; init; } = 0.045m;

    /// <summary>Months a case's data is kept (traces are kept; the estimate charges this many months).</summary>
    public decimal RetentionMonths { get; init; } = 12m;

    /// <summary>Azure AI Language (Standard), USD per 1,000 text records.</summary>
    public decimal LanguagePer1KRecords { get; init; } = 1.00m;

    /// <summary>Azure OpenAI gpt-4o-mini (global standard), USD per million input tokens.</summary>
    public decimal ModelInputPerMillion { get; init; } = 0.15m;

    /// <summary>Azure OpenAI gpt-4o-mini (global standard), USD per million output tokens.</summary>
    public decimal ModelOutputPerMillion { get; init; } = 0.60m;

    /// <summary>Euros per US dollar (assumption; see docs/costs.md).</summary>
    public decimal EurPerUsd { get; init; } = 0.86m;

    /// <summary>The defaults.</summary>
    public static AzurePrices ListPrices { get; } = new();
}
