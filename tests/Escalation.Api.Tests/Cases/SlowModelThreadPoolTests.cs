using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Text;
using System.Text.Json;
using Escalation.Api.Cases;
using Escalation.Api.Links;
using Escalation.Core.Decisions;
using Escalation.Core.Escalations;
using Escalation.Core.Notifications;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;
using Escalation.Core.Tickets;
using Escalation.Core.Workflow;
using Escalation.Infrastructure.Drafting;
using Escalation.Infrastructure.Storage;
using Escalation.Infrastructure.Workspace;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Escalation.Api.Tests.Cases;

/// <summary>The test caps the process's thread pool, so it runs alone.</summary>
[CollectionDefinition(nameof(ThreadPoolCapped), DisableParallelization = true)]
public sealed class ThreadPoolCapped;

/// <summary>
/// Issue 30, no blocking calls: with a chat model drafting and reading every ticket, a burst of cases on a host whose
/// thread pool cannot grow is decided in bounded time, because the activities await the model instead of holding a
/// thread for each call.
/// </summary>
[Collection(nameof(ThreadPoolCapped))]
public sealed class SlowModelThreadPoolTests : IDisposable
{
    private const int Cases = 64;
    private static readonly TimeSpan ModelDelay = TimeSpan.FromMilliseconds(200);
    private static readonly DateTimeOffset Received = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("slow-model-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A starved run's cases may still be writing when the test fails.
        }
    }

    /// <summary>
    /// An OpenAI-compatible chat endpoint that answers every request after <see cref="ModelDelay"/>: the reading schema for
    /// a reading request, a reply for a drafting one. Counts the requests.
    /// </summary>
    private sealed class SlowChatEndpoint : HttpMessageHandler
    {
        private int _readings;
        private int _drafts;

        public int Readings => Volatile.Read(ref _readings);

        public int Drafts => Volatile.Read(ref _drafts);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            await Task.Delay(ModelDelay, cancellationToken);
            var reading = body.Contains("You read one customer support ticket", StringComparison.Ordinal);
            Interlocked.Increment(ref reading ? ref _readings : ref _drafts);
            var text = reading
                ? """{"language":"en","intent":"refund","amounts":[],"legal":false,"distress":false,"chargeback":false,"publicExposure":false}"""
                : "Hello,\n\nThank you for writing. We are looking into this and will reply soon.\n\nThe support team";
            var completion = JsonSerializer.Serialize(new
            {
                id = "chatcmpl-slow", @object = "chat.completion", created = 1763800000, model = "slow-model",
                choices = new[] { new { index = 0, message = new { role = "assistant", content = text }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 800, completion_tokens = 60, total_tokens = 860 },
            });
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(completion, Encoding.UTF8, "application/json") };
        }
    }

    private sealed class NoEmail : IEmailSender
    {
        public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default) => Task.FromResult(new EmailSendResult(EmailSendStatus.Sent, "none"));
    }

    private sealed class NoCallback : IHelpDeskCallback
    {
        public Task<CallbackResult> NotifyAsync(string callbackUrl, HelpDeskNote note, string idempotencyKey, CancellationToken cancellationToken = default) =>
            Task.FromResult(CallbackResult.Success(1, 200));
    }

    private static string Repo()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "EscalationFunctions.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }

    private static IChatDraftModel SlowModel(SlowChatEndpoint endpoint)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri("http://slow-model.test/v1"),
            Transport = new HttpClientPipelineTransport(new HttpClient(endpoint)),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        var client = new OpenAIClient(new ApiKeyCredential("test-key"), options).GetChatClient("slow-model").AsIChatClient();
        return new OpenAiChatDraftModel(client, "slow-model", TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task SixtyFourCases_SlowModelDraftsAndReads_ThreadPoolAtItsMinimum_EveryCaseIsDecided()
    {
        var endpoint = new SlowChatEndpoint();
        var model = SlowModel(endpoint);
        var writer = new GuardedDraftWriter(new GuardedDraftingService(model));
        var reader = new ModelReader(model, TimeSpan.FromSeconds(60));
        var detect = CaseDetectors.From(new DetectStage());
        var workspace = await WorkspaceLoader.LoadFolderAsync(Path.Combine(Repo(), "samples", "workspace"));
        var artifacts = new CaseArtifacts(new FileStageArtifactStore(_dir));
        var index = new FileCaseIndex(_dir);
        var activities = new CaseActivities(() => workspace, new SensitiveCaseSteps(detect, writer, reader), new EscalationCaseSteps(detect, writer, reader),
            artifacts, index, new FileTraceStore(_dir), new NoEmail(), new NoCallback(), new ReviewLinkSigner(new byte[32]), new CaseServiceOptions(), TimeProvider.System);
        var intake = new CaseIntake(artifacts, index);
        string[] samples = ["02-refund-within-window-seat-pack.json", "08-frustrated-export-timeouts-credit.json", "22-resolve-sla-credit-3-hours.json", "26-escalate-refund-past-window-outage.json"];
        var tickets = Enumerable.Range(0, Cases).Select(i =>
            JsonSerializer.Deserialize<CaseSubmission>(File.ReadAllText(Path.Combine(Repo(), "samples", "tickets", samples[i % samples.Length])), CaseArtifacts.Json)! with { TicketId = $"SLOW-{i}" }).ToArray();

        async Task<StageSummary> DecideAsync(CaseSubmission ticket)
        {
            var (input, _) = await intake.StoreAsync(ticket, Received);
            var stages = ticket.ResolvedKind == CaseKind.Escalation ? CaseActivityNames.EscalationStages : CaseActivityNames.SensitiveStages;
            StageSummary last = null!;
            foreach (var stage in stages)
            {
                last = await activities.RunStageAsync(stage, new StageInput(input.CaseId));
            }

            return last;
        }

        // The cap: the pool's minimum on top of the threads the test host already holds (the runner keeps some of the
        // pool's threads blocked while a test runs), so the cases get exactly the minimum to work with and no more can be
        // added. A writer that blocked a thread per model call would leave none for the model's answers to complete on.
        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        ThreadPool.GetMaxThreads(out var maxWorkers, out var maxIo);
        var held = ThreadPool.ThreadCount;
        var limit = TimeSpan.FromMinutes(2);
        var finished = false;
        var watched = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<StageSummary[]> all;
        Assert.True(ThreadPool.SetMaxThreads(held + minWorkers, minIo), $"could not cap the thread pool at {held} + {minWorkers} worker threads");
        try
        {
            all = Task.Run(() => Task.WhenAll(tickets.Select(DecideAsync)));
            // The watchdog is a thread of its own, not the pool's: on a starved pool it still ends the wait, and lifting
            // the cap lets this test resume to report it.
            new Thread(() =>
            {
                finished = ((IAsyncResult)all).AsyncWaitHandle.WaitOne(limit);
                ThreadPool.SetMaxThreads(maxWorkers, maxIo);
                watched.SetResult();
            }) { IsBackground = true, Name = "thread-pool-watchdog" }.Start();
            await watched.Task;
        }
        finally
        {
            ThreadPool.SetMaxThreads(maxWorkers, maxIo);
        }

        Assert.True(finished, $"{Cases} cases with a {ModelDelay.TotalMilliseconds:0} ms model were not all decided within {limit.TotalMinutes:0} minutes with {minWorkers} free pool threads: the pool starved");
        var decided = await all;
        Assert.All(decided, d => Assert.NotNull(d.Route));
        Assert.Equal(Cases, endpoint.Readings);
        Assert.True(endpoint.Drafts >= Cases, $"the model drafted {endpoint.Drafts} replies for {Cases} cases");
    }
}
