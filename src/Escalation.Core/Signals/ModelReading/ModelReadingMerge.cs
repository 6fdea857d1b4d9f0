using Escalation.Core.Tracing;

namespace Escalation.Core.Signals;

/// <summary>
/// Adds a model reading to the embedded one. Its flags can only add caution, never remove one: a flag the model
/// raised is set, a flag it did not raise is left as the lexicon read it; a language the model reads as uncovered
/// makes a covered one uncovered, never the reverse. Every addition and every fallback is in the detect trace.
/// </summary>
public static class ModelReadingMerge
{
    private const string Stage = "detect";

    public static CaseSignals Apply(CaseSignals signals, ModelReadingResult result, string model)
    {
        if (result.Reading is not { } m)
        {
            return signals with
            {
                Trace = [.. signals.Trace, TraceEntry.Found(Stage, $"Model reading by {model} not used ({result.FallbackReason}: {result.Detail}); the embedded reading stands.", "model-reading")],
            };
        }

        var t = signals.Text;
        var added = new List<string>();
        var evidence = new List<Evidence>();
        void Add(bool modelSays, bool already, string name)
        {
            if (modelSays && !already)
            {
                added.Add(name);
                evidence.Add(new Evidence(name, $"model reading ({model})", -1, 0, 0));
            }
        }

        Add(m.Legal, t.Legal, "legal");
        Add(m.Distress, t.Distress, CautionSignals.Distress);
        Add(m.Chargeback, t.Chargeback, "chargeback");
        Add(m.PublicExposure, t.PublicExposure, CautionSignals.PublicExposure);
        var text = t with
        {
            Legal = t.Legal || m.Legal || m.Chargeback,
            LegalKinds = m.Chargeback && !t.LegalKinds.Contains(LegalKinds.Chargeback) ? [.. t.LegalKinds, LegalKinds.Chargeback]
                : m.Legal && t.LegalKinds.Count == 0 ? ["model reading"]
                : t.LegalKinds,
            Distress = t.Distress || m.Distress,
            Chargeback = t.Chargeback || m.Chargeback,
            PublicExposure = t.PublicExposure || m.PublicExposure,
            Evidence = [.. t.Evidence, .. evidence],
        };

        var language = signals.Language;
        if (m.Language is { Length: 2 } code && code != language.Code && !SignalLanguages.IsCovered(code) && language.Covered)
        {
            language = new CaseLanguage
            {
                Code = code, Name = code, Covered = false, Confidence = language.Confidence,
                Why = $"the model read {code}, a language the rules do not cover (the embedded reading said {language.Label})",
            };
            added.Add($"language {code} (not covered)");
        }

        var summary = added.Count == 0 ? "added nothing the embedded reading had not seen" : "added " + string.Join(", ", added);
        return signals with
        {
            Text = text,
            Language = language,
            Trace = [.. signals.Trace, TraceEntry.Found(Stage, $"Model reading by {model} ({m.Describe()}) {summary}; its flags only add caution.", "model-reading")],
        };
    }
}
