using System.Globalization;
using Escalation.Core.Knowledge;
using YamlDotNet.RepresentationModel;

namespace Escalation.Infrastructure.Workspace;

/// <summary>
/// Typed, path-aware reading of a YAML mapping: every error names the file, the field path and the line.
/// </summary>
internal sealed class YamlFields
{
    private readonly YamlMappingNode _node;

    public YamlFields(string file, string path, YamlMappingNode node)
    {
        File = file;
        Path = path;
        _node = node;
    }

    public string File { get; }
    public string Path { get; }

    public static YamlMappingNode ParseDocument(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new WorkspaceValidationException(file, $"line {ex.Start.Line}", "not valid YAML: " + FirstLine(ex.InnerException?.Message ?? ex.Message));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on an unclosed [ or { at the end of the input.
            var lines = text.Split('\n').Length;
            throw new WorkspaceValidationException(file, $"line {lines}", "not valid YAML: a list '[' or mapping '{' is never closed");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new WorkspaceValidationException(file, "line 1", "expected a YAML mapping at the top of the file");
        }

        return root;
    }

    private static string FirstLine(string s)
    {
        var i = s.IndexOf('\n');
        return i < 0 ? s : s[..i];
    }

    private string FieldPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public WorkspaceValidationException Error(string key, string problem, YamlNode? at = null)
    {
        var line = (at ?? _node).Start.Line;
        return new WorkspaceValidationException(File, $"{FieldPath(key)} (line {line})", problem);
    }

    private YamlNode? Get(string key)
    {
        foreach (var (k, v) in _node.Children)
        {
            if (k is YamlScalarNode s && s.Value == key)
            {
                return v is YamlScalarNode { Value: null or "" or "~" or "null", Style: YamlDotNet.Core.ScalarStyle.Plain } ? null : v;
            }
        }

        return null;
    }

    public bool Has(string key) => Get(key) is not null;

    /// <summary>Fails when the mapping has keys other than <paramref name="known"/> (catches typos).</summary>
    public void AllowOnly(params string[] known)
    {
        foreach (var (k, _) in _node.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                throw Error(name, $"unknown field (expected one of: {string.Join(", ", known)})", k);
            }
        }
    }

    private string? Scalar(string key, bool required)
    {
        var node = Get(key);
        if (node is null)
        {
            return required ? throw Error(key, "is required") : null;
        }

        if (node is not YamlScalarNode s)
        {
            throw Error(key, "must be a single value, not a list or mapping", node);
        }

        return s.Value;
    }

    public string RequiredString(string key)
    {
        var v = Scalar(key, required: true)!;
        return string.IsNullOrWhiteSpace(v) ? throw Error(key, "must not be empty") : v.Trim();
    }

    public string? OptionalString(string key) => Scalar(key, required: false)?.Trim();

    /// <summary>A scalar exactly as written (not trimmed), or null when absent.</summary>
    public string? OptionalRawString(string key) => Scalar(key, required: false);

    public string RequiredId(string key)
    {
        var v = RequiredString(key);
        foreach (var c in v)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.'))
            {
                throw Error(key, $"must use only lowercase letters, digits, '-', '_' and '.' (got \"{v}\")", Get(key));
            }
        }

        return v;
    }

    public string RequiredOneOf(string key, IReadOnlySet<string> allowed)
    {
        var v = RequiredString(key);
        return allowed.Contains(v) ? v : throw Error(key, $"must be one of {string.Join(", ", allowed.Order())} (got \"{v}\")", Get(key));
    }

    public decimal RequiredDecimal(string key, decimal min = 0) =>
        OptionalDecimal(key, min) ?? throw Error(key, "is required");

    public decimal? OptionalDecimal(string key, decimal min = 0)
    {
        var raw = Scalar(key, required: false);
        if (raw is null)
        {
            return null;
        }

        if (!decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) || v < min)
        {
            throw Error(key, $"must be a number ≥ {min.ToString(CultureInfo.InvariantCulture)} (got \"{raw}\")", Get(key));
        }

        return v;
    }

    public int? OptionalInt(string key, int min = 0)
    {
        var raw = Scalar(key, required: false);
        if (raw is null)
        {
            return null;
        }

        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min)
        {
            throw Error(key, $"must be a whole number ≥ {min} (got \"{raw}\")", Get(key));
        }

        return v;
    }

    public int RequiredInt(string key, int min = 0) => OptionalInt(key, min) ?? throw Error(key, "is required");

    public double RequiredDouble(string key, double min, double max)
    {
        var raw = Scalar(key, required: true)!;
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
        {
            throw Error(key, $"must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)} (got \"{raw}\")", Get(key));
        }

        return v;
    }

    public bool OptionalBool(string key, bool fallback)
    {
        var raw = Scalar(key, required: false);
        return raw switch
        {
            null => fallback,
            "true" or "True" or "yes" => true,
            "false" or "False" or "no" => false,
            _ => throw Error(key, $"must be true or false (got \"{raw}\")", Get(key)),
        };
    }

    public DateOnly? OptionalDate(string key)
    {
        var raw = Scalar(key, required: false);
        if (raw is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw Error(key, $"must be a date YYYY-MM-DD (got \"{raw}\")", Get(key));
    }

    public DateOnly RequiredDate(string key) => OptionalDate(key) ?? throw Error(key, "is required");

    public IReadOnlyList<string> StringList(string key, bool required = false)
    {
        var node = Get(key);
        if (node is null)
        {
            return required ? throw Error(key, "is required") : [];
        }

        if (node is not YamlSequenceNode seq)
        {
            throw Error(key, "must be a list", node);
        }

        var list = new List<string>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            if (seq.Children[i] is not YamlScalarNode { Value: { } v } || string.IsNullOrWhiteSpace(v))
            {
                throw Error($"{key}[{i}]", "must be a non-empty text", seq.Children[i]);
            }

            list.Add(v.Trim());
        }

        return required && list.Count == 0 ? throw Error(key, "must not be empty", node) : list;
    }

    public YamlFields? OptionalMapping(string key)
    {
        var node = Get(key);
        return node switch
        {
            null => null,
            YamlMappingNode m => new YamlFields(File, FieldPath(key), m),
            _ => throw Error(key, "must be a mapping of names to values", node),
        };
    }

    public YamlFields RequiredMapping(string key) => OptionalMapping(key) ?? throw Error(key, "is required");

    /// <summary>Each element of a list of mappings, with its indexed path.</summary>
    public IReadOnlyList<YamlFields> MappingList(string key, bool required = false)
    {
        var node = Get(key);
        if (node is null)
        {
            return required ? throw Error(key, "is required") : [];
        }

        if (node is not YamlSequenceNode seq)
        {
            throw Error(key, "must be a list", node);
        }

        var list = new List<YamlFields>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            if (seq.Children[i] is not YamlMappingNode m)
            {
                throw Error($"{key}[{i}]", "must be a mapping (fields like `id: ...`)", seq.Children[i]);
            }

            list.Add(new YamlFields(File, $"{FieldPath(key)}[{i}]", m));
        }

        return list;
    }

    /// <summary>The mapping's entries as name → number.</summary>
    public IReadOnlyDictionary<string, decimal> NumberMap()
    {
        var map = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (k, _) in _node.Children)
        {
            var name = ((YamlScalarNode)k).Value!;
            map[name] = RequiredDecimal(name);
        }

        return map;
    }

    public IEnumerable<string> Keys => _node.Children.Select(kv => (kv.Key as YamlScalarNode)?.Value ?? "");
}
