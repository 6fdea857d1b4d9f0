using System.Text.Json;
using Escalation.Api.Cases;
using Escalation.Api.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Escalation.Api.Tests.Http;

/// <summary>What both hosts run around every handler: failures, the body limit, the key and the headers.</summary>
public sealed class HttpPipelineTests
{
    [Theory]
    [InlineData(typeof(IOException), 503, "storage-unavailable")]
    [InlineData(typeof(UnauthorizedAccessException), 503, "storage-unavailable")]
    [InlineData(typeof(InvalidOperationException), 500, "internal-error")]
    public async Task Failure_HelpDeskRequest_IsProblemJsonWithoutTheCause(Type exception, int status, string slug)
    {
        var context = TestHttpContext.Create("POST", "/api/cases", "application/json");

        var (code, type, body) = await TestHttpContext.WriteAsync(context, HttpPipeline.Failure(context.Request, (Exception)Activator.CreateInstance(exception, "/data/store: disk full")!));

        Assert.Equal((status, "application/problem+json"), (code, type));
        using var problem = JsonDocument.Parse(body);
        Assert.EndsWith(slug, problem.RootElement.GetProperty("type").GetString());
        Assert.Equal("/api/cases", problem.RootElement.GetProperty("instance").GetString());
        Assert.DoesNotContain("disk full", body);
    }

    [Theory]
    [InlineData(typeof(IOException), 503, "The service cannot save anything right now")]
    [InlineData(typeof(InvalidOperationException), 500, "Something went wrong on our side")]
    public async Task Failure_ReviewerSubmitsTheFormInABrowser_GetsAPageThatSaysWhatToDo(Type exception, int status, string title)
    {
        var context = TestHttpContext.Create("POST", "/api/review/zd-1", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        var (code, type, page) = await TestHttpContext.WriteAsync(context, HttpPipeline.Failure(context.Request, (Exception)Activator.CreateInstance(exception, "/data/store: disk full")!));

        Assert.Equal(status, code);
        Assert.StartsWith("text/html", type);
        Assert.Contains($"<h1>{title}</h1>", page);
        Assert.Contains("open the same link again", page);
        Assert.DoesNotContain("disk full", page);
        Assert.True(context.Response.Headers.ContainsKey("Content-Security-Policy"));
    }

    [Theory]
    [InlineData(typeof(IOException), 503, "storage-unavailable")]
    [InlineData(typeof(InvalidOperationException), 500, "internal-error")]
    public async Task RunAsync_HandlerThrows_AnswersProblemJsonAndLogsTheFailure(Type exception, int status, string slug)
    {
        var logs = new RecordingLoggerProvider();
        var services = new ServiceCollection().AddLogging(l => l.AddProvider(logs)).AddProblemDetails().BuildServiceProvider();
        var context = TestHttpContext.Create("POST", "/api/cases", services: services);

        var result = await HttpPipeline.RunAsync(context, open: true, () => throw (Exception)Activator.CreateInstance(exception, "disk gone")!);
        var (code, type, body) = await TestHttpContext.WriteAsync(context, result);

        Assert.Equal((status, "application/problem+json"), (code, type));
        Assert.EndsWith(slug, JsonDocument.Parse(body).RootElement.GetProperty("type").GetString());
        Assert.DoesNotContain("disk gone", body); // the cause is logged, not shown
        Assert.Equal(exception, Assert.Single(logs.Errors).GetType());
        Assert.Equal("nosniff", context.Response.Headers.XContentTypeOptions.ToString());
    }

    [Fact]
    public async Task RunAsync_BodyOverTheLimit_Answers413ProblemJson()
    {
        var context = TestHttpContext.Create("POST", "/api/cases", body: new byte[HttpBody.MaxBytes + 1]);

        var result = await HttpPipeline.RunAsync(context, open: true, async () =>
        {
            await HttpBody.ReadAsync(context.Request);
            return Results.Ok();
        });
        var (code, type, body) = await TestHttpContext.WriteAsync(context, result);

        Assert.Equal((413, "application/problem+json"), (code, type));
        Assert.EndsWith("body-too-large", JsonDocument.Parse(body).RootElement.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData(null, 401)]
    [InlineData("nope", 401)]
    [InlineData("k-0123456789", 200)]
    public async Task RunAsync_KeyedRouteWithAKeySet_NeedsTheKeyBeforeTheHandlerRuns(string? given, int status)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().AddSingleton(new CaseServiceOptions { ApiKey = "k-0123456789" }).BuildServiceProvider();
        var context = TestHttpContext.Create("GET", "/api/cases", services: services);
        if (given is not null)
        {
            context.Request.Headers[HttpPipeline.KeyHeader] = given;
        }

        var ran = false;
        var result = await HttpPipeline.RunAsync(context, open: false, () =>
        {
            ran = true;
            return Task.FromResult<IResult>(Results.Ok());
        });
        var (code, _, _) = await TestHttpContext.WriteAsync(context, result);

        Assert.Equal((status, status == 200), (code, ran));
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider, ILogger
    {
        public List<Exception> Errors { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Error && exception is not null)
            {
                Errors.Add(exception);
            }
        }

        public void Dispose()
        {
        }
    }
}
