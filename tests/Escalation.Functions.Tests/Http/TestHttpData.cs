using System.Collections.Specialized;
using System.Net;
using System.Security.Claims;
using System.Web;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Moq;

namespace Escalation.Functions.Tests.Http;

/// <summary>A concrete request like the worker's own test fakes: URL, method, headers and body, nothing else.</summary>
internal sealed class TestHttpRequestData(string method, string url, byte[]? body = null, IEnumerable<KeyValuePair<string, string>>? headers = null)
    : HttpRequestData(new Mock<FunctionContext>().Object)
{
    public override Stream Body { get; } = new MemoryStream(body ?? []);

    public override HttpHeadersCollection Headers { get; } = new(headers ?? []);

    public override IReadOnlyCollection<IHttpCookie> Cookies { get; } = [];

    public override Uri Url { get; } = new(url);

    public override IEnumerable<ClaimsIdentity> Identities { get; } = [];

    public override string Method { get; } = method;

    public override NameValueCollection Query => HttpUtility.ParseQueryString(Url.Query);

    public override HttpResponseData CreateResponse() => new TestHttpResponseData(FunctionContext);
}

internal sealed class TestHttpResponseData(FunctionContext context) : HttpResponseData(context)
{
    public override HttpStatusCode StatusCode { get; set; }

    public override HttpHeadersCollection Headers { get; set; } = new();

    public override Stream Body { get; set; } = new MemoryStream();

    public override HttpCookies Cookies => throw new NotSupportedException();

    public byte[] BodyBytes => ((MemoryStream)Body).ToArray();

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
