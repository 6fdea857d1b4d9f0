using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Escalation.Api.Cases;
using Escalation.Api.Endpoints;
using Escalation.Api.Hosting;
using Escalation.Api.Links;
using Escalation.Core.Notifications;
using Escalation.Core.Storage;
using Escalation.Core.Tickets;
using Escalation.Core.Workflow;
using Escalation.Functions.Http;
using Escalation.Functions.Orchestration;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;

namespace Escalation.Functions.Tests.Http;

/// <summary>
/// The Functions app's real services (file storage in a temporary folder) with the Durable runtime mocked at its edge:
/// the review POST goes through <see cref="CaseHttpFunctions"/> and the Durable client; the orchestrator function runs
/// with a context that calls the real activity functions, delivers raised events and fires the SLA timer on request.
/// The help desk is a recorder (the machine's edge).
/// </summary>
internal sealed class DurableReviewHarness : IDisposable
{
    public static readonly string[] Reviewers = Enumerable.Range(1, 12).Select(i => $"r{i:D2}@example.com").ToArray();

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fn-review-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;
    private readonly Mock<DurableTaskClient> _client = new(MockBehavior.Strict, "test");
    private readonly TaskCompletionSource<ReviewDecision> _event = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _timer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<CaseOutcome>? _orchestration;

    public DurableReviewHarness()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Escalation:DataDirectory"] = _dir,
            ["Escalation:Workspace"] = Path.Combine(RepoRoot(), "samples", "workspace"),
            ["Escalation:Email:Reviewers"] = string.Join(',', Reviewers),
            ["Escalation:Email:SeniorReviewers"] = string.Join(',', Reviewers),
            ["Escalation:LinkSigningKey"] = "base64:" + Convert.ToBase64String(new byte[32]),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddEscalation(configuration).AddEscalationHttp();
        services.AddSingleton<IHelpDeskCallback>(HelpDesk);
        _services = services.BuildServiceProvider();
        Functions = new CaseHttpFunctions(_services.GetRequiredService<Escalation.Api.Http.CaseApi>(), _services.GetRequiredService<Escalation.Api.Privacy.CustomerErasure>(), _services.GetRequiredService<Escalation.Api.Simulations.SimulationSteps>());

        var running = new OrchestrationMetadata(CaseWorkflow.Name, "x") { RuntimeStatus = OrchestrationRuntimeStatus.Running, DataConverter = JsonDataConverter.Default };
        _client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync(running);
        _client.Setup(c => c.RaiseEventAsync(It.IsAny<string>(), CaseWorkflow.ReviewDecisionEvent, It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string _, object? payload, CancellationToken _) =>
            {
                Raised.Enqueue((ReviewDecision)payload!);
                if (!EventsArriveLate)
                {
                    _event.TrySetResult((ReviewDecision)payload!);
                }
            })
            .Returns(Task.CompletedTask);
    }

    public MovableClock Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public RecordingHelpDesk HelpDesk { get; } = new();

    public CaseHttpFunctions Functions { get; }

    /// <summary>Every decision raised as the <c>ReviewDecision</c> event.</summary>
    public ConcurrentQueue<ReviewDecision> Raised { get; } = new();

    public string CaseId { get; private set; } = "";

    /// <summary>Raised events are recorded but never reach the orchestration (they arrive after its timer fired).</summary>
    public bool EventsArriveLate { get; set; }

    /// <summary>Submits a review-routed sample ticket and runs its orchestration until it waits for a reviewer.</summary>
    public async Task<DateTimeOffset> StartReviewCaseAsync()
    {
        var json = File.ReadAllText(Path.Combine(RepoRoot(), "samples", "tickets", "07-refund-within-window-above-cap.json"));
        var ticket = JsonSerializer.Deserialize<CaseSubmission>(json, CaseArtifacts.Json)! with { TicketId = "FN-" + Guid.NewGuid().ToString("N")[..8] };
        var (input, _) = await _services.GetRequiredService<CaseIntake>().StoreAsync(ticket, Clock.GetUtcNow());
        CaseId = input.CaseId;
        _orchestration = CaseOrchestratorFunction.RunOrchestrator(Context(input).Object);
        var index = _services.GetRequiredService<ICaseIndex>();
        for (var i = 0; i < 200; i++)
        {
            if (await index.GetAsync(CaseId) is { Case.Status: CaseStatuses.AwaitingReview } waiting && HelpDesk.Events(CaseId).Contains("awaiting-review"))
            {
                return waiting.Case.SlaDeadline!.Value;
            }

            Assert.False(_orchestration.IsCompleted, _orchestration.Exception?.ToString() ?? "the orchestration ended before the review");
            await Task.Delay(50);
        }

        throw new TimeoutException("the case never waited for a review");
    }

    /// <summary>The durable timer at the SLA deadline fires.</summary>
    public void FireSlaTimer() => _timer.TrySetResult();

    public Task<CaseOutcome> OrchestrationAsync() => _orchestration!.WaitAsync(TimeSpan.FromSeconds(30));

    public string Token(string reviewer) =>
        _services.GetRequiredService<ReviewLinkSigner>().Issue(CaseId, reviewer, LinkPurpose.Review, TimeSpan.FromDays(3));

    /// <summary>The review form POST through the Functions HTTP trigger.</summary>
    public async Task<TestHttpResponse> PostReviewAsync(string reviewer, string action, string? reply = null, bool browser = false)
    {
        var form = new Dictionary<string, string> { ["token"] = Token(reviewer), ["action"] = action, ["note"] = "note from " + reviewer };
        if (reply is not null)
        {
            form["reply"] = reply;
        }

        var body = await new FormUrlEncodedContent(form).ReadAsByteArrayAsync();
        var headers = new List<KeyValuePair<string, string>> { new("Content-Type", "application/x-www-form-urlencoded") };
        if (browser)
        {
            headers.Add(new("Accept", "text/html,application/xhtml+xml"));
        }

        var request = TestHttp.Request(_services, "POST", $"https://fn.example.com/api/review/{CaseId}", body, headers);
        return await TestHttp.RespondAsync(request, Functions.PostReview(request, CaseId, _client.Object));
    }

    public async Task<JsonElement> TraceAsync(string traceId) =>
        JsonDocument.Parse((await _services.GetRequiredService<ITraceStore>().GetAsync(traceId))!).RootElement.Clone();

    public void Dispose()
    {
        _services.Dispose();
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
        }
    }

    private Mock<TaskOrchestrationContext> Context(CaseWorkflowInput input)
    {
        var activities = new CaseActivityFunctions(_services.GetRequiredService<ICaseActivities>());
        var context = new Mock<TaskOrchestrationContext>(MockBehavior.Strict);
        context.Setup(c => c.GetInput<CaseWorkflowInput>()).Returns(input);
        context.SetupGet(c => c.InstanceId).Returns(input.CaseId);
        context.SetupGet(c => c.IsReplaying).Returns(false);
        context.SetupGet(c => c.Version).Returns(CaseWorkflow.Version);
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(() => Clock.GetUtcNow().UtcDateTime);
        context.Setup(c => c.SetCustomStatus(It.IsAny<object?>()));
        context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(_timer.Task);
        context.Setup(c => c.WaitForExternalEvent<ReviewDecision>(CaseWorkflow.ReviewDecisionEvent, It.IsAny<CancellationToken>())).Returns(_event.Task);
        Activity<StageSummary>(context, activities);
        Activity<string>(context, activities);
        Activity<bool>(context, activities);
        Activity<DeliveryResult>(context, activities);
        Activity<ReviewDecision?>(context, activities);
        Activity<ActionsOutcome>(context, activities);
        return context;
    }

    /// <summary>An activity call runs the activity function of that name (the orchestrator's input passed through JSON, as Durable does).</summary>
    private static void Activity<T>(Mock<TaskOrchestrationContext> context, CaseActivityFunctions activities) =>
        context.Setup(c => c.CallActivityAsync<T>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns(async (TaskName name, object? input, TaskOptions? _) =>
            {
                var method = typeof(CaseActivityFunctions).GetMethod(name.Name, BindingFlags.Public | BindingFlags.Instance)
                    ?? throw new InvalidOperationException($"no activity function {name.Name}");
                var parameter = method.GetParameters().Single().ParameterType;
                var roundTripped = JsonSerializer.Deserialize(JsonSerializer.Serialize(input, input!.GetType()), parameter);
                var task = (Task)method.Invoke(activities, [roundTripped])!;
                await task;
                return (T)task.GetType().GetProperty("Result")!.GetValue(task)!;
            });

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EscalationFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}

/// <summary>A clock the test moves (the SLA deadline passing).</summary>
internal sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>The help desk's webhook: records every note; <see cref="Hold"/> keeps a note's delivery waiting.</summary>
internal sealed class RecordingHelpDesk : IHelpDeskCallback
{
    public ConcurrentQueue<HelpDeskNote> Notes { get; } = new();

    public Func<HelpDeskNote, Task>? Hold { get; set; }

    public IReadOnlyList<string> Events(string caseId) => Notes.Where(n => n.CaseId == caseId).Select(n => n.Event).ToArray();

    public async Task<CallbackResult> NotifyAsync(string callbackUrl, HelpDeskNote note, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Notes.Enqueue(note);
        if (Hold is { } hold)
        {
            await hold(note);
        }

        return CallbackResult.Success(1, 200);
    }
}
