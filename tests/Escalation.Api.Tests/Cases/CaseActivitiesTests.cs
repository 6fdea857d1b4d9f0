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
using Escalation.Infrastructure.Storage;
using Escalation.Infrastructure.Workspace;

namespace Escalation.Api.Tests.Cases;

public sealed class CaseActivitiesTests : IDisposable
{
    private static readonly DateTimeOffset Received = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("case-activities-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

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

    private sealed class NoEmail : IEmailSender
    {
        public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default) => Task.FromResult(new EmailSendResult(EmailSendStatus.Sent, "none"));
    }

    private sealed class NoCallback : IHelpDeskCallback
    {
        public Task<CallbackResult> NotifyAsync(string callbackUrl, HelpDeskNote note, string idempotencyKey, CancellationToken cancellationToken = default) =>
            Task.FromResult(CallbackResult.Success(1, 200));
    }

    private async Task<(CaseActivities Activities, CaseIntake Intake, CaseArtifacts Artifacts)> CreateAsync(CaseArtifactCache? cache = null)
    {
        var workspace = await WorkspaceLoader.LoadFolderAsync(Path.Combine(Repo(), "samples", "workspace"));
        var detect = CaseDetectors.From(new DetectStage());
        var writer = new ComposerDraftWriter();
        var artifacts = new CaseArtifacts(new FileStageArtifactStore(_dir), cache);
        var index = new FileCaseIndex(_dir);
        var activities = new CaseActivities(() => workspace, new SensitiveCaseSteps(detect, writer), new EscalationCaseSteps(detect, writer), artifacts, index,
            new FileTraceStore(_dir), new NoEmail(), new NoCallback(), new ReviewLinkSigner(new byte[32]), new CaseServiceOptions(), TimeProvider.System);
        return (activities, new CaseIntake(artifacts, index), artifacts);
    }

    private static CaseSubmission Ticket(string file, string ticketId) =>
        JsonSerializer.Deserialize<CaseSubmission>(File.ReadAllText(Path.Combine(Repo(), "samples", "tickets", file)), CaseArtifacts.Json)! with { TicketId = ticketId };

    [Fact]
    public async Task Store_CrashKeptTheIndexRecordButNotTheSubmission_RetryStoresTheSubmission()
    {
        var (_, _, artifacts) = await CreateAsync();
        var index = new FileCaseIndex(_dir);
        var ticket = Ticket("02-refund-within-window-seat-pack.json", "HALF-1");
        var caseId = Escalation.Core.Cases.CaseIds.For(ticket.TicketId, ticket.Revision);
        await index.UpsertAsync(CaseIntake.ReceivedRecord(caseId, ticket, Received), ifMatch: null);

        var (input, existed) = await new CaseIntake(artifacts, index).StoreAsync(ticket, Received);

        Assert.True(existed);
        Assert.Equal(caseId, input.CaseId);
        Assert.Equal("HALF-1", (await artifacts.SubmissionAsync(caseId)).Submission.TicketId);
    }

    [Theory]
    [InlineData("01-delegatezero-refund-past-window-outage.json", 2)]
    [InlineData("26-escalate-refund-past-window-outage.json", 3)]
    public async Task RunStage_WorkingStateLostBetweenStages_RecomputesEarlierStagesAndDecidesTheSame(string file, int lostAfter)
    {
        var (activities, intake, artifacts) = await CreateAsync();
        var (whole, _) = await intake.StoreAsync(Ticket(file, "WHOLE-1"), Received);
        var (lost, _) = await intake.StoreAsync(Ticket(file, "LOST-1"), Received);
        var stages = whole.Kind == CaseKindNames.Escalation ? CaseActivityNames.EscalationStages : CaseActivityNames.SensitiveStages;

        StageSummary? expected = null, actual = null;
        for (var i = 0; i < stages.Count; i++)
        {
            expected = await activities.RunStageAsync(stages[i], new StageInput(whole.CaseId));
            if (i == lostAfter)
            {
                File.Delete(Path.Combine(_dir, "artifacts", lost.CaseId, CaseArtifacts.State + ".json"));
            }

            actual = await activities.RunStageAsync(stages[i], new StageInput(lost.CaseId));
        }

        Assert.Equal(expected!.Route, actual!.Route);
        Assert.Equal(expected.Reasons, actual.Reasons);
        Assert.Equal((await artifacts.DecisionAsync(whole.CaseId))!.Draft, (await artifacts.DecisionAsync(lost.CaseId))!.Draft);
    }

    [Theory]
    [InlineData("01-delegatezero-refund-past-window-outage.json")]
    [InlineData("26-escalate-refund-past-window-outage.json")]
    public async Task RunStage_HostWithCacheRestartsMidPipeline_StoresOnlyTheLastStateAndDecidesTheSame(string file)
    {
        var (whole, wholeIntake, wholeArtifacts) = await CreateAsync(new CaseArtifactCache());
        var (first, _) = await wholeIntake.StoreAsync(Ticket(file, "WHOLE-2"), Received);
        var (second, _) = await wholeIntake.StoreAsync(Ticket(file, "RESTART-2"), Received);
        var stages = first.Kind == CaseKindNames.Escalation ? CaseActivityNames.EscalationStages : CaseActivityNames.SensitiveStages;
        StageSummary? expected = null;
        foreach (var stage in stages)
        {
            expected = await whole.RunStageAsync(stage, new StageInput(first.CaseId));
        }

        // The second case runs two stages, then the process "restarts": a new cache, nothing of stages 1–2 on disk.
        await whole.RunStageAsync(stages[0], new StageInput(second.CaseId));
        await whole.RunStageAsync(stages[1], new StageInput(second.CaseId));
        Assert.False(File.Exists(Path.Combine(_dir, "artifacts", second.CaseId, CaseArtifacts.State + ".json")));
        var (restarted, _, restartedArtifacts) = await CreateAsync(new CaseArtifactCache());
        StageSummary? actual = null;
        foreach (var stage in stages.Skip(2))
        {
            actual = await restarted.RunStageAsync(stage, new StageInput(second.CaseId));
        }

        Assert.True(File.Exists(Path.Combine(_dir, "artifacts", second.CaseId, CaseArtifacts.State + ".json")));
        Assert.Equal(expected!.Route, actual!.Route);
        Assert.Equal(expected.Reasons, actual.Reasons);
        Assert.Equal((await wholeArtifacts.DecisionAsync(first.CaseId))!.Draft, (await new CaseArtifacts(new FileStageArtifactStore(_dir)).DecisionAsync(second.CaseId))!.Draft);
    }

    [Theory]
    [InlineData("01-delegatezero-refund-past-window-outage.json")]
    [InlineData("26-escalate-refund-past-window-outage.json")]
    public async Task RunStage_LastStage_StoresTheDecisionBesideWhatIsReadOfTheState(string file)
    {
        var (activities, intake, _) = await CreateAsync(new CaseArtifactCache());
        var (stored, _) = await intake.StoreAsync(Ticket(file, "ONCE-1"), Received);
        var stages = stored.Kind == CaseKindNames.Escalation ? CaseActivityNames.EscalationStages : CaseActivityNames.SensitiveStages;
        StageSummary? decided = null;
        foreach (var stage in stages)
        {
            decided = await activities.RunStageAsync(stage, new StageInput(stored.CaseId));
        }

        var folder = Path.Combine(_dir, "artifacts", stored.CaseId);
        using var state = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, CaseArtifacts.State + ".json")));
        using var decision = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, CaseArtifacts.Decision + ".json")));
        Assert.True(decision.RootElement.GetProperty("route").GetString() is { Length: > 0 });

        // What the trace and the review page read is kept; what the decision and its trace already hold is not.
        bool Has(string name) => state.RootElement.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;
        Assert.True(Has("customer") && Has("signals"));
        Assert.False(Has("decision") || Has("facts"));
        if (stored.Kind == CaseKindNames.Escalation)
        {
            Assert.True(Has("outcome"));
            Assert.False(Has("received") || Has("context") || Has("application") || Has("note"));
        }
        else
        {
            Assert.True(Has("draft") && Has("retrieval"));
            Assert.False(Has("route") || Has("toneCheck") || Has("request"));
            var kept = JsonSerializer.Deserialize<SensitiveCaseState>(state.RootElement, CaseArtifacts.Json)!;
            Assert.NotEmpty(kept.Retrieval!.Precedents);
            Assert.NotNull(kept.Retrieval.Playbook);
        }

        Assert.True(new FileInfo(Path.Combine(folder, CaseArtifacts.State + ".json")).Length < 12_000);

        // Re-running the last stage from what is stored (a crash before the orchestrator recorded it) recomputes the
        // stages the stored state leaves out and decides the same.
        var (restarted, _, _) = await CreateAsync(new CaseArtifactCache());
        var again = await restarted.RunStageAsync(stages[^1], new StageInput(stored.CaseId));
        Assert.Equal(decided!.Route, again.Route);
        Assert.Equal(decided.Reasons, again.Reasons);
        Assert.Equal(decision.RootElement.GetProperty("draft").GetString(), (await new CaseArtifacts(new FileStageArtifactStore(_dir)).DecisionAsync(stored.CaseId))!.Draft);
    }

    [Fact]
    public async Task DeliverReply_CaseStartsWaitingForAReviewer_KeepsNothingOfItInMemory()
    {
        var cache = new CaseArtifactCache();
        var (activities, intake, _) = await CreateAsync(cache);
        var (input, _) = await intake.StoreAsync(Ticket("01-delegatezero-refund-past-window-outage.json", "WAIT-1"), Received);
        StageSummary? decided = null;
        foreach (var stage in CaseActivityNames.SensitiveStages)
        {
            decided = await activities.RunStageAsync(stage, new StageInput(input.CaseId));
        }

        Assert.Equal(Routes.DraftForReview, decided!.Route);
        var deadline = Received.UtcDateTime.AddHours(4);
        var traceId = await activities.WriteTraceAsync(new WriteTraceInput(input.CaseId, "decision", "agent", null, Received.UtcDateTime));
        await activities.RecordOutcomeAsync(new RecordOutcomeInput(input.CaseId, CaseStatuses.AwaitingReview, decided.Route!, traceId, deadline, Received.UtcDateTime));
        await activities.NotifyReviewersAsync(new NotifyReviewersInput(input.CaseId, ReviewerQueues.Standard, "review", deadline, $"{input.CaseId}:notify:review"));
        Assert.NotEqual(0, cache.Count); // the notification read the case back

        await activities.DeliverReplyAsync(new DeliverReplyInput(input.CaseId, "awaiting-review", null, $"{input.CaseId}:deliver:awaiting-review"));

        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task WriteTrace_RunTwiceForTheSameRecord_AppendsOneTrace()
    {
        var (activities, intake, _) = await CreateAsync();
        var (input, _) = await intake.StoreAsync(Ticket("02-refund-within-window-seat-pack.json", "TRACE-1"), Received);
        foreach (var stage in CaseActivityNames.SensitiveStages)
        {
            await activities.RunStageAsync(stage, new StageInput(input.CaseId));
        }

        var first = await activities.WriteTraceAsync(new WriteTraceInput(input.CaseId, "decision", "agent", null, Received.UtcDateTime));
        var again = await activities.WriteTraceAsync(new WriteTraceInput(input.CaseId, "decision", "agent", null, Received.UtcDateTime));

        Assert.Equal(first, again);
        Assert.Single(await new FileTraceStore(_dir).ListChainAsync(input.CaseId));
    }

    public static TheoryData<string> SampleTickets() => [.. Directory.GetFiles(Path.Combine(Repo(), "samples", "tickets"), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(SampleTickets))]
    public async Task RunStage_EverySampleTicket_StoresTheJsonReflectionWouldWrite(string file)
    {
        // The stored artifacts are written by code generated at build time (ArtifactJsonContext); what the reflection-based
        // serializer with the same options writes for the same objects is the format stored cases have always had.
        var (activities, intake, _) = await CreateAsync();
        var (stored, _) = await intake.StoreAsync(Ticket(file, "JSON-1"), Received);
        foreach (var stage in stored.Kind == CaseKindNames.Escalation ? CaseActivityNames.EscalationStages : CaseActivityNames.SensitiveStages)
        {
            await activities.RunStageAsync(stage, new StageInput(stored.CaseId));
        }

        var reflection = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        string Read(string name) => File.ReadAllText(Path.Combine(_dir, "artifacts", stored.CaseId, name + ".json"));
        void SameAsReflection<T>(string name)
        {
            var json = Read(name);
            Assert.Equal(JsonSerializer.Serialize(JsonSerializer.Deserialize<T>(json, reflection), reflection), json);
        }

        SameAsReflection<StoredSubmission>(CaseArtifacts.Submission);
        SameAsReflection<CaseDecision>(CaseArtifacts.Decision);
        if (stored.Kind == CaseKindNames.Escalation)
        {
            SameAsReflection<EscalationCaseState>(CaseArtifacts.State);
        }
        else
        {
            SameAsReflection<SensitiveCaseState>(CaseArtifacts.State);
        }
    }
}
