using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Escalation.Api.Html;

/// <summary>
/// Policy text as formatted HTML: Markdig with raw HTML disabled (any tag in the policy is shown as text), and links to
/// anything but http(s), mailto or a relative address written out as text, so a policy file cannot put script on the page.
/// </summary>
public static class PolicyMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>The HTML of <paramref name="markdown"/> (a policy's body).</summary>
    public static string ToHtml(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
                link.IsImage = false;
            }
        }

        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        var trimmed = url.Trim();
        if (!trimmed.Contains(':', StringComparison.Ordinal))
        {
            return true;
        }

        return trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
    }
}
