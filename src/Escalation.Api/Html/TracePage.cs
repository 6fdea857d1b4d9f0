using System.Text;
using Escalation.Api.Views;

namespace Escalation.Api.Html;

/// <summary>A decision trace as a readable page (the audit URL and the customer's redacted view).</summary>
public static class TracePage
{
    /// <summary>Renders the sections in order; all their text is encoded.</summary>
    public static string Render(TracePageModel model)
    {
        var h = new StringBuilder(8 * 1024);
        h.Append("<h1>").Append(HtmlPage.Encode(model.Title)).Append("</h1>\n");
        if (model.Subtitle is not null)
        {
            h.Append("<p class=\"meta\">").Append(HtmlPage.Encode(model.Subtitle)).Append("</p>\n");
        }

        var index = 0;
        foreach (var section in model.Sections)
        {
            var id = "s" + index++;
            h.Append("<section aria-labelledby=\"").Append(id).Append("\"><h2 id=\"").Append(id).Append("\">")
             .Append(HtmlPage.Encode(section.Heading)).Append("</h2>\n");
            if (section.Text is not null)
            {
                h.Append(HtmlPage.Paragraphs(section.Text));
            }

            h.Append(HtmlPage.Facts(section.Facts.Select(f => (f.Label, (string?)f.Value))));
            h.Append(HtmlPage.List(section.Items));
            if (section.Code is not null)
            {
                h.Append("<pre>").Append(HtmlPage.Encode(section.Code)).Append("</pre>\n");
            }

            h.Append("</section>\n");
        }

        return HtmlPage.Document(model.Title, h.ToString());
    }
}
