using System.CommandLine;
using System.Text;
using System.Text.Json;
using Escalation.Core.Signals;

namespace Escalation.Cli;

/// <summary>
/// <c>escalation signals [--input FILE] [--evidence]</c>: reads JSON Lines <c>{"id","text"}</c> and writes one JSON line of
/// signals per input, streaming (one line in memory at a time). A malformed line is reported on standard
/// error with its line number and the run goes on; the exit code is 1 when any line was malformed.
/// </summary>
public static class SignalsCommand
{
    public static Command Create(CliHost host)
    {
        var input = new Option<string>("--input") { Description = "a JSON Lines file (default: standard input)", HelpName = "FILE" };
        var evidence = new Option<bool>("--evidence") { Description = "add the words each signal was read from" };
        var command = new Command("signals", "JSON Lines {\"id\",\"text\"} in, one JSON line of signals out per input") { input, evidence };
        command.SetAction(parse => RunAsync(parse.GetValue(input), parse.GetValue(evidence), host.Stdin, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static async Task<int> RunAsync(string? input, bool evidence, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (input is not null && !File.Exists(input))
        {
            await stderr.WriteLineAsync($"signals: input file not found: {input}");
            return 2;
        }

        using var file = input is null ? null : new StreamReader(input, Encoding.UTF8, true, 1 << 16);
        var reader = file ?? stdin;
        var analyzer = new LexiconSignalAnalyzer();
        var buffer = new ArrayBufferWriterStream(evidence);
        var lineNumber = 0;
        var bad = 0;
        while (await reader.ReadLineAsync() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!TryParse(line, out var id, out var text, out var error))
            {
                bad++;
                await stderr.WriteLineAsync($"signals: line {lineNumber}: {error}");
                continue;
            }

            var signals = analyzer.AnalyzeText(text);
            await stdout.WriteLineAsync(buffer.Write(id, signals));
        }

        await stdout.FlushAsync();
        return bad == 0 ? 0 : 1;
    }

    private static bool TryParse(string line, out string id, out string text, out string error)
    {
        id = "";
        text = "";
        try
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "expected a JSON object";
                return false;
            }

            if (!doc.RootElement.TryGetProperty("text", out var t) || t.ValueKind != JsonValueKind.String)
            {
                error = "missing string field \"text\"";
                return false;
            }

            text = t.GetString()!;
            id = doc.RootElement.TryGetProperty("id", out var i)
                ? i.ValueKind == JsonValueKind.String ? i.GetString()! : i.GetRawText()
                : "";
            error = "";
            return true;
        }
        catch (JsonException ex)
        {
            error = "malformed JSON: " + ex.Message;
            return false;
        }
    }

    /// <summary>Writes one output line with a reused buffer.</summary>
    private sealed class ArrayBufferWriterStream(bool withEvidence)
    {
        private readonly MemoryStream _stream = new();

        public string Write(string id, TextSignals s)
        {
            _stream.SetLength(0);
            using (var w = new Utf8JsonWriter(_stream))
            {
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteNumber("sentiment", s.Sentiment);
                w.WriteBoolean("negative", s.Negative);
                w.WriteNumber("intensity", s.Intensity);
                w.WriteBoolean("complaint", s.Complaint);
                w.WriteNumber("complaintScore", s.ComplaintScore);
                w.WriteBoolean("legal", s.Legal);
                w.WriteStartArray("legalKinds");
                foreach (var k in s.LegalKinds)
                {
                    w.WriteStringValue(k);
                }

                w.WriteEndArray();
                w.WriteBoolean("legalDenied", s.LegalDenied);
                w.WriteBoolean("abusive", s.Abusive);
                w.WriteBoolean("managerRequest", s.ManagerRequest);
                w.WriteBoolean("churnThreat", s.ChurnThreat);
                if (s.Competitor is { } c)
                {
                    w.WriteString("competitor", c);
                }

                w.WriteBoolean("outage", s.Outage);
                w.WriteBoolean("dataLoss", s.DataLoss);
                w.WriteBoolean("security", s.Security);
                w.WriteBoolean("chargeback", s.Chargeback);
                w.WriteBoolean("distress", s.Distress);
                w.WriteBoolean("incident", s.Incident);
                w.WriteBoolean("publicExposure", s.PublicExposure);
                w.WriteBoolean("formalComplaint", s.FormalComplaint);
                w.WriteBoolean("compensationDemand", s.CompensationDemand);
                w.WriteBoolean("cancellation", s.Cancellation);
                w.WriteBoolean("repeatReport", s.RepeatReport);
                w.WriteBoolean("fraud", s.Fraud);
                w.WriteBoolean("bereavement", s.Bereavement);
                w.WriteBoolean("harmThreat", s.HarmThreat);
                w.WriteBoolean("patientSafety", s.PatientSafety);
                w.WriteString("tone", s.CustomerTone);
                w.WriteString("priority", PriorityRules.FromText(s).Priority);
                if (withEvidence)
                {
                    w.WriteStartArray("evidence");
                    foreach (var e in s.Evidence)
                    {
                        w.WriteStartObject();
                        w.WriteString("signal", e.Signal);
                        w.WriteString("text", e.Text);
                        w.WriteNumber("start", e.Start);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }

            return Encoding.UTF8.GetString(_stream.GetBuffer(), 0, (int)_stream.Length);
        }
    }
}
