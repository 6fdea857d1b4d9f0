using System.Text.Json;
using Escalation.Core.Signals;

namespace Escalation.Core.Tests.Signals;

public class CfpbLegalRecallTests
{
    [SharedDataFact]
    public void Analyze_CfpbNarratives_FindsEveryLabelledLegalThreatWithPrecisionAbove90Percent()
    {
        var labels = File.ReadLines(Path.Combine(SharedData.RepoRoot!, "tests", "Escalation.Core.Tests", "Signals", "cfpb-legal-labels.txt"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && l[0] != '#')
            .ToHashSet(StringComparer.Ordinal);
        var analyzer = new LexiconSignalAnalyzer();
        var missed = new List<string>();
        int truePositives = 0, flagged = 0;
        foreach (var line in File.ReadLines(Path.Combine(SharedData.DataDir!, "cfpb-complaints.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var id = doc.RootElement.GetProperty("id").GetString()!;
            var signals = analyzer.AnalyzeText(doc.RootElement.GetProperty("text").GetString()!);
            var threat = signals.LegalKinds.Contains(LegalKinds.Lawyer) || signals.LegalKinds.Contains(LegalKinds.Lawsuit);
            if (threat)
            {
                flagged++;
                truePositives += labels.Contains(id) ? 1 : 0;
            }
            else if (labels.Contains(id))
            {
                missed.Add(id);
            }
        }

        Assert.True(labels.Count >= 100, $"only {labels.Count} labels");
        Assert.Empty(missed);
        var precision = (double)truePositives / flagged;
        Assert.True(precision >= 0.9, $"precision {precision:0.000} ({truePositives}/{flagged})");
    }
}
