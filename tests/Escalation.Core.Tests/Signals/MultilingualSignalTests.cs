using System.Text.Json;
using Escalation.Core.Signals;

namespace Escalation.Core.Tests.Signals;

/// <summary>
/// The hard-rule signals in seven languages, against the team's labelled lines in
/// <c>multilingual-signals.jsonl</c> (written by hand for these tests; <c>scripts/eval-signals.sh</c> reports
/// recall per language on the same file).
/// </summary>
public class MultilingualSignalTests
{
    private static readonly LexiconSignalAnalyzer Analyzer = new();

    private static readonly string LinesFile = Path.Combine(SharedData.RepoRoot!, "tests", "Escalation.Core.Tests", "Signals", "multilingual-signals.jsonl");

    public static TheoryData<string, string, string, bool> Lines()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var line in File.ReadLines(LinesFile).Where(l => l.Trim().Length > 0))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            foreach (var expect in root.GetProperty("expect").EnumerateObject())
            {
                data.Add(root.GetProperty("id").GetString()!, root.GetProperty("text").GetString()!, expect.Name, expect.Value.GetBoolean());
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Analyze_LabelledLine_RaisesExactlyTheLabelledSignal(string id, string text, string signal, bool expected)
    {
        var s = Analyzer.AnalyzeText(text);

        var actual = signal switch
        {
            "legal" => s.Legal,
            "chargeback" => s.Chargeback,
            "manager" => s.ManagerRequest,
            "churn" => s.ChurnThreat,
            "distress" => s.Distress,
            "abusive" => s.Abusive,
            "incident" => s.Incident,
            "publicExposure" => s.PublicExposure,
            "security" => s.Security,
            "legalDenied" => s.LegalDenied,
            "negative" => s.Negative,
            _ => throw new ArgumentException($"unknown signal {signal} in {id}"),
        };
        Assert.True(expected == actual, $"{id}: {signal} expected {expected}, got {actual} for \"{text}\"");
    }

    [Fact]
    public void LabelledLines_EveryCoveredLanguage_HasTenLinesWithPositivesAndNegations()
    {
        var perLanguage = File.ReadLines(LinesFile)
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .GroupBy(r => r.GetProperty("lang").GetString()!)
            .ToDictionary(g => g.Key, g => g.ToList());

        Assert.Equal(["de", "en", "es", "fr", "it", "nl", "pt"], perLanguage.Keys.Order());
        foreach (var (lang, lines) in perLanguage)
        {
            Assert.True(lines.Count >= 10, $"{lang}: {lines.Count} lines");
            Assert.Contains(lines, r => r.GetProperty("expect").EnumerateObject().Any(p => !p.Value.GetBoolean()));
        }
    }

    [Theory]
    [InlineData("Ich möchte mit Ihrem Vorgesetzten sprechen.")]
    [InlineData("Ich moechte mit Ihrem Vorgesetzten sprechen.")]
    [InlineData("Quiero hablar con un supervisor YA.")]
    [InlineData("QUIERO HABLAR CON UN SUPERVISOR")]
    public void Analyze_AccentsCaseAndUmlautSpellings_StillMatch(string text) => Assert.True(Analyzer.AnalyzeText(text).ManagerRequest);

    [Theory]
    [InlineData("Mi abogada ya tiene todos los correos.")]
    [InlineData("Wir haben die Anwältin eingeschaltet.")]
    [InlineData("Nous avons saisi nos avocats.")]
    [InlineData("Os advogados da empresa já foram avisados.")]
    [InlineData("Ne parlerò con l'avvocato.")]
    public void Analyze_InflectedLegalWords_AreLegal(string text) => Assert.True(Analyzer.AnalyzeText(text).Legal);

    [Theory]
    [InlineData("Our platform is not resilient enough for the holiday peak, any tips?")]
    [InlineData("How many concurrent users does the Pro plan allow?")]
    [InlineData("We are storing data in the EU region, correct?")]
    [InlineData("My supervisor asked me to add two seats.")]
    [InlineData("The request was addressed to your billing team, gerichtet an die Buchhaltung.")]
    public void Analyze_EnglishLookalikesOfForeignWords_RaiseNothing(string text)
    {
        var s = Analyzer.AnalyzeText(text);

        Assert.False(s.Legal || s.ChurnThreat || s.Outage || s.ManagerRequest || s.Cancellation, $"flags for \"{text}\"");
    }
}
