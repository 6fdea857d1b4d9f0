using Escalation.Api.Html;
using Microsoft.AspNetCore.Http;

namespace Escalation.Api.Endpoints;

/// <summary>The security headers, in one place: every answer gets <c>nosniff</c>; pages get the CSP and <c>no-store</c>.</summary>
public static class SecurityHeaders
{
    /// <summary>What a page adds: its Content-Security-Policy (no scripts, forms post to this site only) and no caching.</summary>
    internal static readonly (string Name, string Value)[] PageHeaders =
        [("Content-Security-Policy", HtmlPage.ContentSecurityPolicy), ("Cache-Control", "no-store")];

    /// <summary>Headers every answer carries: the browser must not guess a content type other than the one sent.</summary>
    public static void Apply(HttpResponse response) => response.Headers.XContentTypeOptions = "nosniff";
}
