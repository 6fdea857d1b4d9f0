using System.Net.Http.Headers;
using System.Text;
using Escalation.Infrastructure.Storage;

namespace Escalation.Bench;

/// <summary>
/// <c>escalation-bench drill fuzz --server URL --data DIR [--count N] [--seed S]</c>: sends malformed requests (bad JSON, huge
/// fields, wrong types, unicode edge cases, header abuse) — every one missing something a submission requires — and
/// checks that none gets a 5xx and that the case index is unchanged.
/// </summary>
public static class BenchFuzz
{
    private static readonly string[] Unicode =
    [
        "\u0000", "\uFEFF", "\u202E" + "gnp.exe", "\u200B\u200C\u200D", "\uD83D\uDE00\uD83D\uDE00", "e\u0301\u0301\u0301", "\uFFFF", "\\ud800",
        "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "%00", "\r\n\r\nX-Injected: 1", new string('\u0645', 40),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var count = BenchDrill.Int(args, "--count", 10_000);
        var data = BenchDrill.Need(args, "--data");
        var random = new Random(BenchDrill.Int(args, "--seed", 11));
        var before = await BenchData.ReadIndexAsync(data);
        using var http = BenchDrill.Client(BenchDrill.Need(args, "--server"));
        var codes = new Dictionary<int, int>();
        var fivexx = new List<string>();
        var requests = Enumerable.Range(0, count).Select(n => Make(random, n)).ToList();
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(requests.Select(async r =>
        {
            await gate.WaitAsync();
            try
            {
                using var request = r.Build();
                int code;
                try
                {
                    using var response = await http.SendAsync(request);
                    code = (int)response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    code = 0; // the server closed the connection (e.g. header too large): not a 5xx, nothing stored
                }

                lock (codes)
                {
                    codes[code] = codes.GetValueOrDefault(code) + 1;
                    if (code >= 500)
                    {
                        fivexx.Add($"{code} {r.Kind}: {r.Describe()}");
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        var after = await BenchData.ReadIndexAsync(data);
        await stdout.WriteLineAsync($"fuzz: {count} requests; status {string.Join(", ", codes.OrderBy(k => k.Key).Select(k => $"{(k.Key == 0 ? "closed" : k.Key.ToString())}×{k.Value}"))}; case index {before.Count} → {after.Count}");
        foreach (var f in fivexx.Take(20))
        {
            await stderr.WriteLineAsync("  5xx " + f);
        }

        if (after.Count != before.Count)
        {
            await stderr.WriteLineAsync($"  STORED {after.Count - before.Count} cases: " + string.Join(", ", after.Select(c => c.TicketId).Except(before.Select(c => c.TicketId)).Take(10)));
        }

        return fivexx.Count == 0 && after.Count == before.Count ? 0 : 1;
    }

    private sealed record FuzzRequest(string Kind, HttpMethod Method, string Path, byte[] Body, string? ContentType, IReadOnlyList<(string, string)> Headers)
    {
        public HttpRequestMessage Build()
        {
            var request = new HttpRequestMessage(Method, Path);
            if (Method != HttpMethod.Get)
            {
                request.Content = new ByteArrayContent(Body);
                if (ContentType is not null)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
                }
            }

            foreach (var (name, value) in Headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            return request;
        }

        public string Describe() => $"{Method} {Path} {Encoding.UTF8.GetString(Body[..Math.Min(Body.Length, 120)])}";
    }

    private static string Pick(Random r, string[] items) => items[r.Next(items.Length)];

    private static string Json(string s) => System.Text.Json.JsonSerializer.Serialize(s);

    private static FuzzRequest Make(Random r, int n)
    {
        var u = Pick(r, Unicode);
        var validCustomer = "{\"id\":\"cus_014\"}";
        var messages = $"[{{\"from\":\"customer\",\"text\":{Json("refund please " + u)}}}]";
        // Every body below lacks or breaks something a submission requires, so none may be stored.
        string[] bodies =
        [
            "{",
            "{\"ticketId\":",
            "[1,2,3]",
            "null",
            "\"just a string\"",
            $"{{\"ticketId\":{Json("FZ-" + n + u)},\"customer\":{validCustomer}}}",                                 // no messages
            $"{{\"ticketId\":{Json("FZ-" + n)},\"customer\":{validCustomer},\"messages\":[{{\"text\":\"   \"}}]}}",   // no message text
            $"{{\"ticketId\":12345,\"customer\":{validCustomer},\"messages\":{messages}}}",                           // wrong type
            $"{{\"ticketId\":{Json("FZ-" + n)},\"customer\":\"cus_014\",\"messages\":{messages}}}",                   // wrong type
            $"{{\"ticketId\":{Json("FZ-" + n)},\"customer\":{{}},\"messages\":{messages}}}",                          // no customer id
            $"{{\"customer\":{validCustomer},\"messages\":{messages}}}",                                              // no ticket id
            $"{{\"ticketId\":{Json("FZ-" + n)},\"revision\":\"one\",\"customer\":{validCustomer},\"messages\":{messages}}}",
            $"{{\"ticketId\":{Json("FZ-" + n)},\"customer\":{validCustomer},\"messages\":{{\"text\":\"x\"}}}}",       // messages not an array
            $"{{\"ticketId\":{Json("FZ-" + n)},\"customer\":{{\"id\":\"cus_new_fz{n}\"}},\"messages\":{messages}}}",  // unknown customer, no profile
            $"{{\"ticketId\":{Json("FZ-" + n)},\"customer\":{validCustomer},\"messages\":[{{\"text\":{Json(new string('x', 300_000))}}}]}}", // > 256 KB
            $"{{\"ticketId\":{Json(new string('9', 5000) + u)},\"customer\":{{\"id\":{Json(u)}}},\"messages\":{messages}}}",
            $"{{\"ticketId\":{Json("FZ-" + n)},\"customer\":{validCustomer},\"messages\":[{{\"text\":\"\\ud800\"}}],\"kind\":{Json(u)},\"callbackUrl\":\"javascript:alert(1)\"}}",
            new string('[', 10_000),
            $"{{\"ticketId\":{Json("FZ-" + n)},\"ticketId\":null,\"customer\":{validCustomer},\"messages\":{messages}}}",
        ];
        var body = Pick(r, bodies);
        var bytes = Encoding.UTF8.GetBytes(body);
        if (r.Next(20) == 0)
        {
            bytes = [0xC3, 0x28, 0xFF, 0xFE, .. bytes]; // invalid UTF-8 in front
        }

        var headers = new List<(string, string)>();
        var contentType = "application/json";
        switch (r.Next(8))
        {
            case 0: contentType = Pick(r, ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=utf-7", ";;;", ""]); break;
            case 1: headers.Add(("X-Big", new string('a', r.Next(8_000, 40_000)))); break;
            case 2: headers.Add(("x-functions-key", u)); break;
            case 3: headers.Add(("Accept", "../../" + u)); headers.Add(("Accept-Charset", "utf-1024")); break;
            case 4: headers.Add(("Transfer-Encoding", "gzip")); break;
            case 5: contentType = null; break;
        }

        var (method, path, kind) = r.Next(10) switch
        {
            0 => (HttpMethod.Post, "/api/webhooks/zendesk", "webhook"),
            1 => (HttpMethod.Post, "/api/cases?wait=" + Pick(r, ["-1", "abc", "99999", "1e9", "%00"]), "bad-wait"),
            2 => (HttpMethod.Get, "/api/cases/" + Uri.EscapeDataString("../" + u), "bad-id"),
            3 => (HttpMethod.Get, "/api/review/" + Uri.EscapeDataString(u) + "?token=" + Uri.EscapeDataString(u), "bad-review"),
            _ => (HttpMethod.Post, "/api/cases", "submission"),
        };
        return new FuzzRequest(kind, method, path, bytes, contentType, headers);
    }
}
