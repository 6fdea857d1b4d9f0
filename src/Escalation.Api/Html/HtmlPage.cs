using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;

namespace Escalation.Api.Html;

/// <summary>
/// The pages' shared rules and the string helpers for code that still writes HTML by hand. The pages and e-mails
/// themselves are Razor components (<c>*.razor</c> beside this file) rendered by <see cref="ComponentHtml"/>, which
/// encodes every value they write. Pages carry no JavaScript; the Content-Security-Policy forbids scripts outright.
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

    /// <summary>
    /// True when <paramref name="url"/> may be a link's target: a site-relative path (not <c>//host</c>) or an absolute
    /// http(s) address. Anything else (<c>javascript:</c>, <c>data:</c>…) is shown as text, never linked.
    /// </summary>
    public static bool IsSafeLinkTarget(string url) =>
        (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));

    /// <summary>
    /// A complete page around <paramref name="bodyHtml"/>, for callers that build the content by hand: the caller vouches
    /// that it is safe HTML. Pages made of components render <see cref="PageLayout"/> instead and need no such promise.
    /// </summary>
    public static string Document(string title, string bodyHtml) =>
        ComponentHtml.Render<PageLayout>(new Dictionary<string, object?>(2)
        {
            [nameof(PageLayout.Title)] = title,
            [nameof(PageLayout.ChildContent)] = Trusted(bodyHtml),
        });

    /// <summary>A plain HTML mail document around <paramref name="bodyHtml"/> (already safe HTML), like <see cref="MailLayout"/>.</summary>
    public static string MailDocument(string title, string bodyHtml) =>
        ComponentHtml.Render<MailLayout>(new Dictionary<string, object?>(2)
        {
            [nameof(MailLayout.Title)] = title,
            [nameof(MailLayout.ChildContent)] = Trusted(bodyHtml),
        });

    /// <summary>Paragraphs of untrusted text, line breaks kept.</summary>
    public static string Paragraphs(string? text, string cssClass = "text") =>
        $"<p class=\"{Encode(cssClass)}\">{Encode(text)}</p>\n";

    /// <summary>A bulleted list of untrusted items; nothing when empty.</summary>
    public static string List(IEnumerable<string> items) =>
        ComponentHtml.Render<BulletList>(nameof(BulletList.Items), items.ToList());

    /// <summary>A definition list of label/value pairs (both untrusted); pairs with an empty value are left out.</summary>
    public static string Facts(IEnumerable<(string Label, string? Value)> facts) =>
        ComponentHtml.Render<Facts>(nameof(Html.Facts.Items), facts.Select(f => new Fact(f.Label, f.Value)).ToList());

    /// <summary>A link whose URL is untrusted: only http(s) and site-relative URLs become links, anything else shows as text.</summary>
    public static string Link(string? url, string text) =>
        ComponentHtml.Render<SafeLink>(new Dictionary<string, object?>(2) { [nameof(SafeLink.Url)] = url, [nameof(SafeLink.Text)] = text });

    /// <summary>HTML the caller built and vouches for, as content for a layout.</summary>
    private static RenderFragment Trusted(string html) => builder => builder.AddMarkupContent(0, html);
}

/// <summary>A label and its value in a <see cref="Html.Facts"/> list; left out when the value is empty.</summary>
public sealed record Fact(string Label, string? Value);
