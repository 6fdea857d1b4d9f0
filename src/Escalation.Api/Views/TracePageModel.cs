namespace Escalation.Api.Views;

/// <summary>A decision trace (or its redacted customer view) as a page of titled sections.</summary>
/// <param name="Title">The page heading, e.g. "Decision trace for ZD-48213".</param>
/// <param name="Sections">The sections in order.</param>
/// <param name="Subtitle">A line under the heading, e.g. the trace id and when it was written.</param>
public sealed record TracePageModel(string Title, IReadOnlyList<TraceSectionView> Sections, string? Subtitle = null);

/// <summary>One section: facts as a definition list, items as a list, text as paragraphs, code as preformatted text.</summary>
public sealed record TraceSectionView
{
    public required string Heading { get; init; }
    public IReadOnlyList<TraceFactView> Facts { get; init; } = [];
    public IReadOnlyList<string> Items { get; init; } = [];
    public string? Text { get; init; }

    /// <summary>Monospaced text kept as is (hashes, JSON).</summary>
    public string? Code { get; init; }
}

/// <summary>A label and its value.</summary>
public sealed record TraceFactView(string Label, string Value);
