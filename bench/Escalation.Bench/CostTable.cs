using System.Globalization;
using System.Text;
using Escalation.Core.Metrics;

namespace Escalation.Bench;

/// <summary>The cost report: counts and euros per case, one row per route, plus what-if columns for Language and a model.</summary>
public static class CostTable
{
    public static string Render(IReadOnlyList<RouteUsage> routes, AzurePrices prices, (int Input, int Output) modelTokens)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Row("route", "cases", "activities", "episodes", "history ev", "history KB", "blob W/R", "table tx", "queue ops", "stored KB",
            "€ compute", "€ execs", "€ storage", "€ total", "+Language €", $"+gpt-4o-mini €"));
        foreach (var r in routes)
        {
            var u = CostModel.WithDurableTransactions(r.Usage);
            var c = CostModel.Estimate(u, prices);
            var withLanguage = CostModel.Estimate(u with { LanguageTextRecords = r.LanguageRecordsIfEnabled }, prices);
            var withModel = CostModel.Estimate(u with { ModelInputTokens = modelTokens.Input, ModelOutputTokens = modelTokens.Output }, prices);
            sb.AppendLine(Row(u.Route, u.Cases.ToString(CultureInfo.InvariantCulture), F(u.ActivityExecutions), F(u.OrchestratorEpisodes), F(u.HistoryEvents),
                F(u.HistoryBytes / 1024), $"{F(u.BlobWrites)}/{F(u.BlobReads)}", F(u.TableTransactions), F(u.QueueOperations), F(u.StoredBytes / 1024),
                E(c.Compute), E(c.Executions), E(c.StorageTransactions + c.StorageCapacity), E(c.Total), E(withLanguage.Language), E(withModel.Model)));
        }

        sb.Append(CultureInfo.InvariantCulture, $"(+Language: Azure AI Language sentiment on the customer text, ⌈chars/1000⌉ records per case; +gpt-4o-mini: {modelTokens.Input} input + {modelTokens.Output} output tokens per case, assumed — both 0 in the default configuration)");
        return sb.ToString();
    }

    private static string F(double v) => v.ToString(v < 10 ? "0.#" : "0", CultureInfo.InvariantCulture);

    private static string E(decimal v) => v.ToString("0.000000", CultureInfo.InvariantCulture);

    private static string Row(params string[] cells)
    {
        var widths = new[] { 30, 5, 10, 8, 10, 10, 9, 8, 9, 9, 10, 9, 10, 9, 11, 14 };
        var sb = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            sb.Append(i == 0 ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i])).Append(' ');
        }

        return sb.ToString().TrimEnd();
    }
}
