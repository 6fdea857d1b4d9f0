using System.Globalization;
using System.Text.Json;

namespace Escalation.Core.Signals;

/// <summary>
/// What a chat model read in a ticket (issue 25, "optional model reading"), in a fixed JSON schema:
/// <c>{"language":"es","intent":"refund","amounts":[99],"legal":false,"distress":false,"chargeback":false,"publicExposure":false}</c>.
/// Its flags only ever add caution to the embedded reading (<see cref="ModelReadingMerge"/>).
/// </summary>
public sealed record ModelReading
{
    /// <summary>ISO 639-1 code the model read, or null.</summary>
    public string? Language { get; init; }

    /// <summary>Free-text intent, e.g. <c>refund</c> (trace only).</summary>
    public string? Intent { get; init; }

    /// <summary>Amounts of money the model read (trace only).</summary>
    public IReadOnlyList<decimal> Amounts { get; init; } = [];
    public bool Legal { get; init; }
    public bool Distress { get; init; }
    public bool Chargeback { get; init; }
    public bool PublicExposure { get; init; }

    /// <summary>The fields of the schema, for the prompt and the parser.</summary>
    public static readonly IReadOnlyList<string> Fields = ["language", "intent", "amounts", "legal", "distress", "chargeback", "publicExposure"];

    /// <summary>
    /// Reads the model's answer: one JSON object with exactly the schema's fields (a ```json fence around it is
    /// allowed). Anything else is malformed.
    /// </summary>
    /// <exception cref="FormatException">Not the schema.</exception>
    public static ModelReading Parse(string answer)
    {
        var text = answer.Trim();
        if (text.StartsWith("```", StringComparison.Ordinal))
        {
            var firstLine = text.IndexOf('\n', StringComparison.Ordinal);
            var close = text.LastIndexOf("```", StringComparison.Ordinal);
            text = firstLine > 0 && close > firstLine ? text[(firstLine + 1)..close].Trim() : text;
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not JSON ({e.Message})", e);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("not a JSON object");
            }

            foreach (var p in root.EnumerateObject())
            {
                if (!Fields.Contains(p.Name, StringComparer.Ordinal))
                {
                    throw new FormatException($"unknown field '{p.Name}'");
                }
            }

            foreach (var f in Fields.Where(f => !root.TryGetProperty(f, out _)))
            {
                throw new FormatException($"missing field '{f}'");
            }

            return new ModelReading
            {
                Language = OptionalString(root, "language") is { } l ? l.Trim().ToLowerInvariant() : null,
                Intent = OptionalString(root, "intent"),
                Amounts = ReadAmounts(root.GetProperty("amounts")),
                Legal = Bool(root, "legal"),
                Distress = Bool(root, "distress"),
                Chargeback = Bool(root, "chargeback"),
                PublicExposure = Bool(root, "publicExposure"),
            };
        }
    }

    private static string? OptionalString(JsonElement root, string name) => root.GetProperty(name) switch
    {
        { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.String } s => string.IsNullOrWhiteSpace(s.GetString()) ? null : s.GetString(),
        _ => throw new FormatException($"'{name}' must be a string or null"),
    };

    private static bool Bool(JsonElement root, string name) => root.GetProperty(name).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new FormatException($"'{name}' must be true or false"),
    };

    private static decimal[] ReadAmounts(JsonElement e) => e.ValueKind == JsonValueKind.Array
        ? e.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.Number ? a.GetDecimal() : throw new FormatException("'amounts' must hold numbers")).ToArray()
        : throw new FormatException("'amounts' must be a list of numbers");

    /// <summary>"language es, intent refund, amounts 99; legal, distress" for the trace.</summary>
    public string Describe()
    {
        var flags = new[] { (Legal, "legal"), (Distress, "distress"), (Chargeback, "chargeback"), (PublicExposure, "public exposure") }
            .Where(x => x.Item1).Select(x => x.Item2).ToArray();
        return $"language {Language ?? "none"}, intent {Intent ?? "none"}, amounts {(Amounts.Count == 0 ? "none" : string.Join(" ", Amounts.Select(a => a.ToString(CultureInfo.InvariantCulture))))}; "
            + (flags.Length == 0 ? "no caution flags" : string.Join(", ", flags));
    }
}
