using System.Globalization;
using System.Net;
using System.Text;

namespace Escalation.Api.Html;

/// <summary>
/// The shared page frame and encoding rules. Every text that did not come from this code (ticket
/// text, names, drafts, policy text, ids) goes through <see cref="Encode"/>, so HTML in a ticket shows
/// as text. Pages carry no JavaScript; the Content-Security-Policy forbids scripts outright.
/// </summary>
public static class HtmlPage
{
    /// <summary>The media type of the pages.</summary>
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>The policy hosts send with every page (also set as a meta tag): no scripts, no external loads, forms only to this site.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>HTML-encodes untrusted text for element content and quoted attribute values (<c>&lt; &gt; &amp; " '</c>).</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A timestamp as people read it: <c>2026-11-20 09:12 UTC</c>.</summary>
    public static string Time(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A complete HTML document around <paramref name="bodyHtml"/> (already safe HTML).</summary>
    public static string Document(string title, string bodyHtml) =>
        string.Concat([DocumentStart, Encode(title), DocumentHead, bodyHtml, DocumentEnd]);

    /// <summary>Everything before the title; the same for every page, so built once.</summary>
    private static readonly string DocumentStart =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta name=\"robots\" content=\"noindex, nofollow\">\n"
        + "<meta name=\"referrer\" content=\"no-referrer\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + Encode(ContentSecurityPolicy) + "\">\n"
        + "<title>";

    /// <summary>From the end of the title to the start of the page's own content.</summary>
    private static readonly string DocumentHead =
        " · Escalation</title>\n<style>" + Style + "</style>\n</head>\n<body>\n"
        + "<header><p class=\"brand\">Escalation · senior support</p></header>\n<main>\n";

    private const string DocumentEnd = "</main>\n</body>\n</html>\n";

    /// <summary>
    /// A plain HTML mail document around <paramref name="bodyHtml"/> (already safe HTML), with only the charset in its
    /// head: mail clients drop stylesheets and meta tags, so styles go inline where they are needed.
    /// </summary>
    public static string MailDocument(string title, string bodyHtml) =>
        string.Concat("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>", Encode(title), "</title></head><body>", bodyHtml, "</body></html>");

    /// <summary>Paragraphs of untrusted text, line breaks kept.</summary>
    public static string Paragraphs(string? text, string cssClass = "text") =>
        $"<p class=\"{cssClass}\">{Encode(text)}</p>\n";

    /// <summary>A bulleted list of untrusted items; nothing when empty.</summary>
    public static string List(IEnumerable<string> items)
    {
        var html = new StringBuilder();
        foreach (var item in items)
        {
            html.Append("<li>").Append(Encode(item)).Append("</li>");
        }

        return html.Length == 0 ? "" : $"<ul>{html}</ul>\n";
    }

    /// <summary>A definition list of label/value pairs (both untrusted); pairs with an empty value are left out.</summary>
    public static string Facts(IEnumerable<(string Label, string? Value)> facts)
    {
        var html = new StringBuilder();
        foreach (var (label, value) in facts)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                html.Append("<dt>").Append(Encode(label)).Append("</dt><dd>").Append(Encode(value)).Append("</dd>");
            }
        }

        return html.Length == 0 ? "" : $"<dl>{html}</dl>\n";
    }

    /// <summary>A link whose URL is untrusted: only http(s) and site-relative URLs become links, anything else shows as text.</summary>
    public static string Link(string? url, string text)
    {
        if (string.IsNullOrEmpty(url))
        {
            return Encode(text);
        }

        var safe = (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
            || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
        return safe ? $"<a href=\"{Encode(url)}\">{Encode(text)}</a>" : $"{Encode(text)} ({Encode(url)})";
    }

    private const string Style = """
        :root{color-scheme:light dark;--fg:#1b1b1f;--bg:#fff;--muted:#5b5b66;--line:#d0d0d8;--accent:#0b57d0;--warn:#8a4b00;--box:#f5f5f8}
        @media (prefers-color-scheme:dark){:root{--fg:#e8e8ee;--bg:#17171b;--muted:#a9a9b6;--line:#3a3a44;--accent:#8ab4f8;--warn:#f0b36b;--box:#22222a}}
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
        header{border-bottom:1px solid var(--line);padding:.5rem 1rem}
        .brand{margin:0;color:var(--muted);font-size:.9rem}
        main{max-width:60rem;margin:0 auto;padding:1rem 1rem 3rem}
        h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line)}h3{font-size:1.05rem;margin:1rem 0 .25rem}
        .text{white-space:pre-wrap;overflow-wrap:anywhere}
        .meta{color:var(--muted)}
        .box{background:var(--box);border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;margin:.5rem 0}
        .deadline{color:var(--warn);font-weight:600}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
        blockquote{margin:.25rem 0;padding-left:.75rem;border-left:3px solid var(--line)}
        pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--box);padding:.75rem;border-radius:6px}
        label{display:block;font-weight:600;margin:1rem 0 .25rem}
        fieldset{border:1px solid var(--line);border-radius:6px;margin:1rem 0;padding:.5rem 1rem}
        .action{margin:.5rem 0}.action label{display:inline;margin:0 .5rem 0 .25rem}.action input[type=number]{width:7rem;font:inherit}
        .policy h1,.policy h2{font-size:1.05rem;border:0;margin:1rem 0 .25rem}
        textarea{width:100%;font:inherit;padding:.5rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
        .hint{color:var(--muted);font-size:.9rem;margin:.25rem 0}
        .actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:1rem}
        button{font:inherit;padding:.5rem 1rem;border-radius:6px;border:1px solid var(--accent);background:var(--bg);color:var(--accent);cursor:pointer}
        button.primary{background:var(--accent);color:var(--bg)}
        button:focus-visible,textarea:focus-visible,a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
        a{color:var(--accent)}
        """;
}
