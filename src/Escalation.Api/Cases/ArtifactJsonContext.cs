using System.Text.Json;
using System.Text.Json.Serialization;
using Escalation.Core.Decisions;
using Escalation.Core.Escalations;
using Escalation.Core.Sensitive;

namespace Escalation.Api.Cases;

/// <summary>
/// Serialisation code generated at build time for the artifacts every case stores (its submission, last stage state and
/// decision), so writing them does not go through reflection-built converters. Same options as
/// <see cref="CaseArtifacts.Json"/> (the web defaults), so the JSON is the same; other types fall back to reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StoredSubmission))]
[JsonSerializable(typeof(SensitiveCaseState))]
[JsonSerializable(typeof(EscalationCaseState))]
[JsonSerializable(typeof(CaseDecision))]
[JsonSerializable(typeof(string))]
internal sealed partial class ArtifactJsonContext : JsonSerializerContext;
