using System.Text;
using Escalation.Api.Cases;
using Escalation.Api.Endpoints;
using Escalation.Api.Html;
using Escalation.Api.Links;
using Escalation.Api.Problems;
using Escalation.Api.Submissions;
using Escalation.Api.Views;
using Escalation.Core.Actions;
using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Knowledge;
using Escalation.Core.Notifications;
using Escalation.Core.Privacy;
using Escalation.Core.Sensitive;
using Escalation.Core.Storage;
using Escalation.Core.Tickets;
using Escalation.Core.Tracing;
using Escalation.Core.Workflow;
using Escalation.Infrastructure.Storage;
using Microsoft.AspNetCore.Http;

namespace Escalation.Api.Http;

/// <summary>Result of a ticket taken from the inbound queue.</summary>
public sealed record QueueSubmissionResult(bool Accepted, string? CaseId, string? PoisonReason);

/// <summary>
/// What the endpoints (<see cref="Endpoints.EscalationApi"/>) do for each route, on both hosts: the local server maps
/// them, the Functions triggers call them with the same <see cref="HttpRequest"/>. Bad input gets RFC 7807 problem
/// details and changes nothing.
/// </summary>
public sealed partial class CaseApi(
    Func<Workspace> workspace,
    SubmissionParser parser,
    ZendeskWebhookMapper zendesk,
    CaseArtifacts artifacts,
    CaseIntake intake,
    ICaseIndex index,
    ITraceStore traces,
    ReviewLinkSigner links,
    IUsedTokenStore usedTokens,
    CaseServiceOptions options,
    TimeProvider time,
    IEnumerable<IStorageHealth> storage,
    TraceIntegrity integrity,
    ReviewClaims reviewClaims,
    ICaseKeyStore? keys = null)
{
    private const int MaxWaitSeconds = 30;

    /// <summary>How often a <c>?wait</c> request looks at storage and the orchestration when no in-process signal comes.</summary>
    private static readonly TimeSpan DecisionPollInterval = TimeSpan.FromMilliseconds(100);
    private const int MaxReplyChars = 20_000;
    private const int MaxNoteChars = 4_000;

    // ---- help-desk routes -------------------------------------------------------------------

    /// <summary><c>POST /api/cases</c>: submit a ticket; 202 with the case id, or the decision with <c>?wait=N</c>.</summary>
    public async Task<IResult> SubmitCaseAsync(HttpRequest request, ICaseOrchestrationClient cases, CancellationToken ct = default)
    {
        var body = await HttpBody.ReadAsync(request).ConfigureAwait(false);
        return await SubmitAsync(request, cases, parser.Parse(body, IsKnownCustomer, request.Instance(), request.Header("content-type")), ct).ConfigureAwait(false);
    }

    /// <summary><c>POST /api/webhooks/zendesk</c>: a Zendesk-style webhook body, mapped to the same submission.</summary>
    public async Task<IResult> SubmitZendeskAsync(HttpRequest request, ICaseOrchestrationClient cases, CancellationToken ct = default)
    {
        var body = await HttpBody.ReadAsync(request).ConfigureAwait(false);
        return await SubmitAsync(request, cases, zendesk.Map(body, IsKnownCustomer, request.Instance(), request.Header("content-type")), ct).ConfigureAwait(false);
    }

    /// <summary>A ticket from the inbound queue; malformed ones are refused with the reason (the host moves them to the poison queue).</summary>
    public async Task<QueueSubmissionResult> SubmitQueueMessageAsync(string message, ICaseOrchestrationClient cases, CancellationToken ct = default)
    {
        var parsed = parser.Parse(Encoding.UTF8.GetBytes(message), IsKnownCustomer, "queue:cases-inbound");
        if (!parsed.IsValid)
        {
            var p = parsed.Problem!;
            var detail = p.Errors.Count > 0 ? string.Join("; ", p.Errors.Select(e => $"{e.Field}: {e.Message}")) : p.Detail;
            return new QueueSubmissionResult(false, null, $"{p.Title}: {detail}");
        }

        var (caseId, _) = await AcceptAsync(parsed.Submission!, cases, ct).ConfigureAwait(false);
        return new QueueSubmissionResult(true, caseId, null);
    }

    /// <summary><c>GET /api/cases/{caseId}</c>: status, stage, priority, route, reasons, draft, deadline and audit URLs.</summary>
    public async Task<IResult> GetCaseAsync(HttpRequest request, string caseId, ICaseOrchestrationClient cases, CancellationToken ct = default)
    {
        if (!CaseIdLooksValid(caseId))
        {
            return Answers.Problem(Problems.Problems.NotFound("case", request.Instance()));
        }

        var view = await CaseViewAsync(caseId, cases, ct).ConfigureAwait(false);
        return view is null ? Answers.Problem(Problems.Problems.NotFound("case", request.Instance())) : Answers.Json(200, view);
    }

    /// <summary>
    /// <c>GET /api/cases?status=awaiting-review&amp;limit=100&amp;continuation=…</c>: cases in the index, newest first, a page at
    /// a time; <c>continuation</c> (null on the last page) asks for the next one.
    /// </summary>
    public async Task<IResult> ListCasesAsync(HttpRequest request, CancellationToken ct = default)
    {
        var status = request.QueryValue("status");
        var statuses = AllStatuses;
        var errors = new List<ProblemFieldError>();
        if (status is not null && !statuses.Contains(status))
        {
            errors.Add(new ProblemFieldError("status", $"must be one of {string.Join(", ", statuses)}"));
        }

        var limitRaw = request.QueryValue("limit");
        var limit = DefaultPageSize;
        if (limitRaw is not null && (!int.TryParse(limitRaw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxPageSize))
        {
            errors.Add(new ProblemFieldError("limit", $"must be a whole number from 1 to {MaxPageSize}"));
        }

        var continuation = request.QueryValue("continuation");
        CasePage? page = null;
        if (errors.Count == 0)
        {
            try
            {
                page = await index.QueryPageAsync(status, limit, continuation is { Length: > 0 } ? continuation : null, ct).ConfigureAwait(false);
            }
            catch (FormatException ex)
            {
                errors.Add(new ProblemFieldError("continuation", ex.Message));
            }
        }

        if (page is null)
        {
            return Answers.Problem(Problems.Problems.InvalidSubmission(errors, request.Instance()) with { Title = "Invalid query parameter" });
        }

        var items = page.Cases.Select(c => new
        {
            caseId = c.CaseId,
            ticketId = c.TicketId,
            customerId = c.CustomerId,
            kind = c.Kind,
            status = c.Status,
            priority = c.Priority,
            route = c.Route,
            created = c.Created,
            slaDeadline = c.SlaDeadline,
            statusUrl = $"/api/cases/{c.CaseId}",
        });
        var next = page.Continuation is { } token
            ? $"/api/cases?{(status is null ? "" : $"status={status}&")}limit={limit}&continuation={token}"
            : null;
        return Answers.Json(200, new { cases = items, continuation = page.Continuation, next });
    }

    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 500;

    /// <summary>
    /// <c>POST /api/cases/{caseId}/resume</c> (API key): a case waiting as needs-attention tries its failed step again now
    /// instead of at its next back-off. 202 when asked; 409 when the case does not need attention.
    /// </summary>
    public async Task<IResult> ResumeCaseAsync(HttpRequest request, string caseId, ICaseOrchestrationClient cases, CancellationToken ct = default)
    {
        var view = CaseIdLooksValid(caseId) ? await CaseViewAsync(caseId, cases, ct).ConfigureAwait(false) : null;
        if (view is null)
        {
            return Answers.Problem(Problems.Problems.NotFound("case", request.Instance()));
        }

        if (view.Status != CaseStatuses.NeedsAttention || !await cases.ResumeAsync(caseId, ct).ConfigureAwait(false))
        {
            return Answers.Problem(Problems.Problems.Create("not-needing-attention", "The case does not need attention", 409,
                $"Case {caseId} is {view.Status}; only a case waiting as needs-attention can be resumed.", request.Instance()));
        }

        return Answers.Json(202, new { caseId, resumed = true, statusUrl = $"/api/cases/{caseId}" });
    }

    // ---- review by emailed link ------------------------------------------------------------

    /// <summary><c>GET /api/review/{caseId}?token=…</c>: the review page. Never acts (mail scanners open links).</summary>
    public async Task<IResult> GetReviewPageAsync(HttpRequest request, string caseId, CancellationToken ct = default)
    {
        var token = request.QueryValue("token");
        var validation = links.Validate(token, caseId, LinkPurpose.Review);
        if (!validation.IsValid)
        {
            return LinkProblemPage(LinkProblemModel.From(validation, caseId));
        }

        var record = await index.GetAsync(caseId, ct).ConfigureAwait(false);
        if (record is null || record.Case.Status != CaseStatuses.AwaitingReview)
        {
            return LinkProblemPage(new LinkProblemModel(LinkProblemKind.AlreadyDecided, caseId, record is null ? "This case does not exist." : $"This case is {record.Case.Status}; there is nothing left to review."));
        }

        var model = await ReviewModelAsync(caseId, record.Case, token!, ct).ConfigureAwait(false);
        return Answers.Page(200, ReviewPage.Render(model));
    }

    /// <summary><c>POST /api/review/{caseId}</c> (form: token, action, reply, note): acts once, with a signed, single-use token.</summary>
    public async Task<IResult> PostReviewAsync(HttpRequest request, string caseId, ICaseOrchestrationClient cases, CancellationToken ct = default)
    {
        var form = await ReadFormAsync(request).ConfigureAwait(false);
        form.TryGetValue("token", out var token);
        var validation = links.Validate(token, caseId, LinkPurpose.Review);
        if (!validation.IsValid)
        {
            return LinkProblemPage(LinkProblemModel.From(validation, caseId));
        }

        form.TryGetValue("action", out var action);
        form.TryGetValue("reply", out var reply);
        form.TryGetValue("note", out var note);
        var errors = new List<ProblemFieldError>();
        if (action is null || !ReviewActions.All.Contains(action))
        {
            errors.Add(new ProblemFieldError("action", "must be approve, edit, reject or escalate"));
        }

        if (action == ReviewActions.Edit && string.IsNullOrWhiteSpace(reply))
        {
            errors.Add(new ProblemFieldError("reply", "the edited reply is empty"));
        }

        if (reply is { Length: > MaxReplyChars })
        {
            errors.Add(new ProblemFieldError("reply", $"is longer than {MaxReplyChars} characters"));
        }

        if (note is { Length: > MaxNoteChars })
        {
            errors.Add(new ProblemFieldError("note", $"is longer than {MaxNoteChars} characters"));
        }

        // Dropped and lowered actions, checked against the decision's proposals and the policy limits (the page's own
        // limits are only a convenience): an amount above them is refused, and nothing is recorded.
        IReadOnlyList<ActionChange>? changes = null;
        if (errors.Count == 0 && form.ContainsKey("actions") && action is ReviewActions.Approve or ReviewActions.Edit)
        {
            var decided = await artifacts.DecisionAsync(caseId, ct).ConfigureAwait(false);
            var (parsed, refused) = ReviewActionForm.Parse(form, decided?.Actions ?? []);
            if (refused.Count == 0)
            {
                var sent = action == ReviewActions.Edit ? reply ?? "" : decided?.Draft ?? "";
                refused = ReviewActionForm.Contradictions(sent, decided?.Actions ?? [], parsed);
            }

            if (refused.Count > 0)
            {
                return Answers.Problem(Problems.Problems.Create("action-change-refused", "An action change was refused", 400,
                    "Amounts may only be lowered, to more than zero and at most the proposed amount within the policy's limit, and the reply sent must state what is done; nothing was recorded.",
                    request.Instance(), refused));
            }

            changes = parsed;
        }

        if (errors.Count > 0)
        {
            return Answers.Page(400, HtmlPage.Document("The review was not recorded",
                "<h1>The review was not recorded</h1>" + HtmlPage.List(errors.Select(e => $"{e.Field}: {e.Message}")) +
                "<p>Go back to the review page and try again; nothing was changed.</p>"));
        }

        // Someone (a reviewer, or the SLA timer) may have decided already: say who, what and when, and change nothing.
        var record = await index.GetAsync(caseId, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (record is not null && await reviewClaims.ClosedAsync(caseId, record.Case.SlaDeadline, now, ct).ConfigureAwait(false) is { } closed)
        {
            return ReviewConflict.Answer(request, closed, action, request.WantsHtml());
        }

        if (record is null || record.Case.Status != CaseStatuses.AwaitingReview)
        {
            return LinkProblemPage(new LinkProblemModel(LinkProblemKind.AlreadyDecided, caseId, "This case has already been decided."));
        }

        var consumed = await links.ConsumeAsync(token, caseId, LinkPurpose.Review, usedTokens, ct).ConfigureAwait(false);
        if (!consumed.IsValid)
        {
            return LinkProblemPage(LinkProblemModel.From(consumed, caseId));
        }

        // The first claim decides; the event is raised only for it, naming the edited text by its hash.
        var trimmedNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var edited = action == ReviewActions.Edit ? reply!.Replace("\r\n", "\n") : null;
        var (held, won) = await reviewClaims.ClaimAsync(caseId, action!, consumed.Claims!.Reviewer, trimmedNote, edited, now, ct, changes).ConfigureAwait(false);
        if (!won)
        {
            return ReviewConflict.Answer(request, held, action, request.WantsHtml());
        }

        if (!await cases.RaiseReviewDecisionAsync(caseId, held.ToDecision(), ct).ConfigureAwait(false))
        {
            return LinkProblemPage(new LinkProblemModel(LinkProblemKind.AlreadyDecided, caseId, "This case is no longer waiting for a review."));
        }

        return Answers.Page(200, OutcomePages.DecisionRecorded(new DecisionRecordedModel(caseId, action!, now, ActionWords(action!))));
    }

    // ---- audit -------------------------------------------------------------------------------

    /// <summary><c>GET /api/audit/{traceId}</c>: the immutable trace — canonical JSON for machines, HTML for people.</summary>
    public async Task<IResult> GetAuditAsync(HttpRequest request, string traceId, CancellationToken ct = default)
    {
        var bytes = TraceCanonicalJson.IsTraceId(traceId) ? await traces.GetAsync(traceId, ct).ConfigureAwait(false) : null;
        if (bytes is null)
        {
            return Answers.Problem(Problems.Problems.NotFound("trace", request.Instance()));
        }

        if (!integrity.Matches(traceId, bytes))
        {
            return AlteredTrace(request);
        }

        if (!request.WantsHtml())
        {
            return Answers.ImmutableJson(bytes);
        }

        var trace = TraceCanonicalJson.Deserialize(bytes);
        // The team's page shows the sealed text opened while the case key exists, "[erased]" after an erasure.
        trace = TraceSealing.Open(trace, keys is null ? null : await keys.FindAsync(trace.CaseId, ct).ConfigureAwait(false));
        var publicToken = links.Issue(traceId, "customer", LinkPurpose.PublicAudit, options.PublicAuditLinkLifetime);
        return Answers.Page(200, TracePage.Render(AuditViews.Internal(traceId, trace, ReviewLinkSigner.PublicAuditUrl(options.PublicBaseUrl, traceId, publicToken))));
    }

    /// <summary><c>GET /api/audit/{traceId}/verify</c>: recomputes the hashes along the case's chain and says where it breaks.</summary>
    public async Task<IResult> VerifyAuditAsync(HttpRequest request, string traceId, CancellationToken ct = default)
    {
        var bytes = TraceCanonicalJson.IsTraceId(traceId) ? await traces.GetAsync(traceId, ct).ConfigureAwait(false) : null;
        if (bytes is null)
        {
            return Answers.Problem(Problems.Problems.NotFound("trace", request.Instance()));
        }

        var trace = TraceCanonicalJson.Deserialize(bytes);
        // standing: in-chain (with its position), superseded (a writer lost the race for its slot and wrote again) or
        // outside-chain (stored, but its writer stopped before claiming a slot or recording the loss).
        var checkedTrace = await traces.VerifyTraceAsync(trace.CaseId, traceId, ct).ConfigureAwait(false);
        return Answers.Json(200, new { traceId, caseId = trace.CaseId, standing = checkedTrace.Standing, position = checkedTrace.Position, verification = checkedTrace.Chain });
    }

    /// <summary><c>GET /api/public/audit/{traceId}?token=…</c>: the redacted view a customer may see.</summary>
    public async Task<IResult> GetPublicAuditAsync(HttpRequest request, string traceId, CancellationToken ct = default)
    {
        var validation = links.Validate(request.QueryValue("token"), traceId, LinkPurpose.PublicAudit);
        if (!validation.IsValid)
        {
            return LinkProblemPage(LinkProblemModel.From(validation, null));
        }

        var bytes = await traces.GetAsync(traceId, ct).ConfigureAwait(false);
        if (bytes is null)
        {
            return Answers.Problem(Problems.Problems.NotFound("trace", request.Instance()));
        }

        if (!integrity.Matches(traceId, bytes))
        {
            return AlteredTrace(request);
        }

        var ws = workspace();
        // A policy the workspace no longer has is named as cited; one marked internal never is.
        var view = PublicTraceView.From(traceId, TraceCanonicalJson.Deserialize(bytes), id => ws.FindPolicy(id)?.ShownToCustomer ?? true,
            (id, version) => ws.FindPolicy(id) is { } p && p.Version == version ? p.PublicSummary : null);
        return request.WantsHtml() ? Answers.Page(200, TracePage.Render(AuditViews.Public(view))) : Answers.Json(200, view);
    }

    /// <summary>
    /// The answer for a trace whose stored bytes hash to another id: an error, never cached, and nothing of the altered
    /// bytes (its verify route says where the case's chain breaks).
    /// </summary>
    private static IResult AlteredTrace(HttpRequest request)
    {
        if (request.WantsHtml())
        {
            return Answers.Page(500, OutcomePages.ServiceFailure(storage: false));
        }

        var problem = Problems.Problems.Create("trace-altered", "The stored trace does not match its id", 500,
            "The bytes stored under this id hash to another id, so they are not served. GET /api/audit/{traceId}/verify says where the case's chain breaks.", request.Instance());
        return Answers.NoStore(Answers.Problem(problem));
    }

    // ---- service -----------------------------------------------------------------------------

    /// <summary>
    /// <c>GET /api/health</c>: 200 with the workspace in use and how many cases need attention, or 503 (problem+json)
    /// while a store refuses writes, has stopped after a failed write (restart the host), or holds damaged or altered
    /// records (it still serves the rest).
    /// </summary>
    public async Task<IResult> HealthAsync(HttpRequest request, CancellationToken ct = default)
    {
        if (storage.Select(s => s.Problem).FirstOrDefault(p => p is not null) is { } problem)
        {
            return Answers.Problem(Problems.Problems.Create("storage-failed", "Storage needs attention", 503, problem, request.Instance()));
        }

        // Cases a fault left waiting: they resume by themselves, but someone may want to look (GET /api/cases?status=needs-attention).
        var attention = (await index.QueryByStatusAsync(CaseStatuses.NeedsAttention, ct).ConfigureAwait(false)).Count;
        var ws = workspace();
        return Answers.Json(200, new
        {
            status = attention > 0 ? CaseStatuses.NeedsAttention : "ok",
            needsAttention = attention,
            workspaceVersion = ws.Version,
            policies = ws.Policies.Count,
            customers = ws.Customers.Count,
        });
    }

    /// <summary><c>GET /api/metrics/summary</c>: the KPI summary from the case index (JSON, or a page with <c>Accept: text/html</c>).</summary>
    public async Task<IResult> MetricsSummaryAsync(HttpRequest request, CancellationToken ct = default)
    {
        var summary = await index.SummarizeAsync(time.GetUtcNow(), ct).ConfigureAwait(false);
        return request.WantsHtml() ? Answers.Page(200, Metrics.KpiPage.Render(summary)) : Answers.Json(200, summary);
    }

    /// <summary>The statuses <c>?status=</c> accepts.</summary>
    private static readonly string[] AllStatuses =
        [CaseStatuses.Received, CaseStatuses.NeedsAttention, CaseStatuses.AwaitingReview, CaseStatuses.Sent, CaseStatuses.Escalated, CaseStatuses.ReturnedToTier1, CaseStatuses.Rejected, CaseStatuses.Failed];

    // ---- helpers -----------------------------------------------------------------------------

    private bool IsKnownCustomer(string id) => workspace().FindCustomer(id) is not null;

    private async Task<IResult> SubmitAsync(HttpRequest request, ICaseOrchestrationClient cases, SubmissionParseResult parsed, CancellationToken ct)
    {
        if (!parsed.IsValid)
        {
            return Answers.Problem(parsed.Problem!);
        }

        var waitRaw = request.QueryValue("wait");
        var wait = 0;
        if (waitRaw is not null && (!int.TryParse(waitRaw, out wait) || wait < 0 || wait > MaxWaitSeconds))
        {
            return Answers.Problem(Problems.Problems.InvalidSubmission([new ProblemFieldError("wait", $"must be a whole number of seconds from 0 to {MaxWaitSeconds}")], request.Instance()) with { Title = "Invalid query parameter" });
        }

        var (caseId, duplicate) = await AcceptAsync(parsed.Submission!, cases, ct).ConfigureAwait(false);
        if (wait > 0)
        {
            await WaitForDecisionAsync(caseId, cases, TimeSpan.FromSeconds(wait), ct).ConfigureAwait(false);
        }

        var view = await CaseViewAsync(caseId, cases, ct).ConfigureAwait(false);
        var body = new { caseId, statusUrl = $"/api/cases/{caseId}", duplicate, @case = view };
        var status = wait > 0 && view?.Decided == true ? 200 : 202;
        return Answers.Json(status, body, location: $"/api/cases/{caseId}");
    }

    /// <summary>Until the route is decided (the decision is stored), the orchestration is idle, or the time is up.</summary>
    private async Task WaitForDecisionAsync(string caseId, ICaseOrchestrationClient cases, TimeSpan wait, CancellationToken ct)
    {
        var until = time.GetUtcNow() + wait;
        try
        {
            while (time.GetUtcNow() < until)
            {
                // Registered before looking, so a decision stored in between still wakes this request.
                var stored = artifacts.DecisionStored(caseId);
                if (await artifacts.DecisionAsync(caseId, ct).ConfigureAwait(false) is not null)
                {
                    return;
                }

                // Woken by this process storing the decision; otherwise (another process runs the activities) look again soon.
                var waited = cases.WaitForDecisionAsync(caseId, DecisionPollInterval, ct);
                if (await Task.WhenAny(stored, waited).ConfigureAwait(false) == stored)
                {
                    continue;
                }

                var state = await waited.ConfigureAwait(false);
                if (state is null || state.RuntimeStatus is "completed" or "failed")
                {
                    return;
                }
            }
        }
        finally
        {
            artifacts.StopWaitingForDecision(caseId);
        }
    }

    /// <summary>Stores the submission and the case record, then starts the orchestration unless it exists.</summary>
    private async Task<(string CaseId, bool Duplicate)> AcceptAsync(CaseSubmission submission, ICaseOrchestrationClient cases, CancellationToken ct)
    {
        var stored = await intake.StoreAsync(submission, time.GetUtcNow(), ct).ConfigureAwait(false);
        // A duplicate is a submission that found the case stored. Which request starts the orchestration does not tell:
        // among identical ones sent at once, another than the one that stored the case may start it first. A case past
        // intake is never started again (the engine may have forgotten its completed run).
        if (!stored.PastIntake)
        {
            await cases.StartIfNewAsync(stored.Input, ct).ConfigureAwait(false);
        }

        return (stored.Input.CaseId, stored.Existed);
    }

    /// <summary>What <c>GET /api/cases/{id}</c> shows.</summary>
    public sealed record CaseView
    {
        public required string CaseId { get; init; }
        public required string TicketId { get; init; }
        public required string Kind { get; init; }
        public required string Status { get; init; }
        public string? Stage { get; init; }
        public string? Priority { get; init; }

        /// <summary>The customer's language (ISO 639-1, <c>und</c> when too short to tell).</summary>
        public string? Language { get; init; }
        public string? Route { get; init; }
        public IReadOnlyList<RouteReason> Reasons { get; init; } = [];
        public string? Draft { get; init; }
        public string? InternalNote { get; init; }
        public string? ReviewerQueue { get; init; }
        public DateTimeOffset? SlaDeadline { get; init; }
        public IReadOnlyList<string> Citations { get; init; } = [];
        public IReadOnlyList<string> Precedents { get; init; } = [];
        public string? Playbook { get; init; }
        public string? WorkspaceVersion { get; init; }
        public string? AuditUrl { get; init; }
        public string? PublicAuditUrl { get; init; }
        public string? CallbackFailure { get; init; }

        /// <summary>The decision's actions (what approving or auto-sending executes), each within its policy's limits.</summary>
        public IReadOnlyList<CaseAction> Actions { get; init; } = [];

        /// <summary>Why executing the actions failed, when the last attempt did: no reply claiming them was sent.</summary>
        public string? ActionFailure { get; init; }

        /// <summary>The outcome of each action of the last execution: its key, what ran, through which port, and how it went.</summary>
        public IReadOnlyList<ExecutedAction> ActionResults { get; init; } = [];
        public string? Failure { get; init; }

        /// <summary>When the customer's personal data in this case was erased (docs/privacy.md); absent while it is kept.</summary>
        public DateTimeOffset? Erased { get; init; }

        /// <summary>While the case needs attention: when it tries its failed step again on its own.</summary>
        public DateTime? ResumesAt { get; init; }
        public bool Decided { get; init; }
        public DateTimeOffset Created { get; init; }
        public DateTimeOffset Updated { get; init; }
    }

    private async Task<CaseView?> CaseViewAsync(string caseId, ICaseOrchestrationClient cases, CancellationToken ct)
    {
        var record = await index.GetAsync(caseId, ct).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        var c = record.Case;
        var state = await cases.GetAsync(caseId, ct).ConfigureAwait(false);
        var decision = await artifacts.DecisionAsync(caseId, ct).ConfigureAwait(false);
        var status = state?.RuntimeStatus == "failed" ? CaseStatuses.Failed
            : state?.Progress?.Stage == CaseStatuses.NeedsAttention ? CaseStatuses.NeedsAttention
            : c.Status == CaseStatuses.Received && decision is not null ? CaseStatuses.Decided
            : c.Status == CaseStatuses.Received && state is not null ? CaseStatuses.Processing
            : c.Status;
        var baseUrl = options.PublicBaseUrl.TrimEnd('/');
        string? publicAudit = null;
        if (c.LatestTraceId is { } traceId)
        {
            publicAudit = ReviewLinkSigner.PublicAuditUrl(options.PublicBaseUrl, traceId, links.Issue(traceId, "customer", LinkPurpose.PublicAudit, options.PublicAuditLinkLifetime));
        }

        return new CaseView
        {
            CaseId = caseId,
            TicketId = c.TicketId,
            Kind = c.Kind,
            Status = status,
            Stage = state?.RuntimeStatus == "completed" ? null : state?.Progress?.Stage, // while it runs (a completed run may be forgotten)
            Priority = decision?.Priority ?? c.Priority ?? state?.Progress?.Priority,
            Language = decision?.Language,
            Route = decision?.Route ?? c.Route,
            Reasons = decision?.Reasons ?? [],
            Draft = decision?.Draft is { Length: > 0 } d ? d : null,
            InternalNote = decision?.InternalNote,
            ReviewerQueue = decision?.ReviewerQueue is { } q && q != ReviewerQueues.None ? q : null,
            SlaDeadline = c.SlaDeadline,
            Citations = decision?.Citations ?? [],
            Precedents = decision?.PrecedentIds ?? [],
            Playbook = decision?.PlaybookId,
            WorkspaceVersion = decision?.WorkspaceVersion,
            AuditUrl = c.LatestTraceId is null ? null : $"{baseUrl}/api/audit/{c.LatestTraceId}",
            PublicAuditUrl = publicAudit,
            CallbackFailure = c.Extra.TryGetValue("callbackFailure", out var f) ? f : null,
            Actions = decision?.Actions ?? [],
            ActionFailure = c.Extra.TryGetValue(CaseActivities.ActionFailureField, out var af) ? af : null,
            ActionResults = decision is { Actions.Count: > 0 }
                ? await artifacts.GetAsync<ExecutedAction[]>(caseId, CaseActivities.ActionsArtifact, ct).ConfigureAwait(false) ?? []
                : [],
            Failure = state?.Failure ?? state?.Progress?.Failure ?? (c.Extra.TryGetValue(NeedsAttention.FailureField, out var a) ? a : null),
            Erased = c.Extra.TryGetValue(Privacy.CustomerErasure.ErasedField, out var erased) && DateTimeOffset.TryParse(erased, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var erasedAt) ? erasedAt : null,
            ResumesAt = state?.Progress?.Stage == CaseStatuses.NeedsAttention ? state.Progress.DeadlineUtc : null,
            Decided = decision is not null,
            Created = c.Created,
            Updated = c.Updated,
        };
    }

    private async Task<ReviewPageModel> ReviewModelAsync(string caseId, CaseRecord record, string token, CancellationToken ct)
    {
        var ws = workspace();
        var stored = await artifacts.SubmissionAsync(caseId, ct).ConfigureAwait(false);
        var decision = await artifacts.DecisionAsync(caseId, ct).ConfigureAwait(false);
        var state = await artifacts.GetAsync<SensitiveCaseState>(caseId, CaseArtifacts.State, ct).ConfigureAwait(false);
        var ticket = stored.Submission;
        var customer = CaseCustomer.Resolve(ticket.Customer, ws);
        var signals = state?.Signals;
        var notes = new List<string>();
        if (customer is not null)
        {
            var today = DateOnly.FromDateTime(stored.ReceivedAt.UtcDateTime);
            notes.Add($"Customer for {customer.TenureMonths(today)} months");
            if (customer.DaysToRenewal(today) is { } days)
            {
                notes.Add($"Renewal in {days} days");
            }

            notes.AddRange(customer.OpenIssues.Select(i => "Open issue: " + i));
            notes.AddRange(customer.History.TakeLast(5).Select(h => $"{h.Date:yyyy-MM-dd} {h.Kind} ({h.Topic}){(h.Summary is null ? "" : ": " + h.Summary)}"));
        }

        var signalViews = new List<SignalView>();
        if (signals is not null)
        {
            foreach (var flag in TraceSignals.From(signals).Flags)
            {
                var evidence = signals.Text.Evidence.Concat(signals.CustomerEvidence)
                    .Where(e => EvidenceBelongsTo(flag, e.Signal))
                    .Select(e => e.Text).Distinct().Take(5).ToArray();
                signalViews.Add(new SignalView(flag, null, evidence));
            }

            signalViews.Add(new SignalView("intensity", signals.Text.Intensity.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), []));
        }

        return new ReviewPageModel
        {
            CaseId = caseId,
            TicketId = ticket.TicketId,
            Subject = ticket.Subject,
            Route = decision?.Route,
            Priority = decision?.Priority,
            Language = decision?.LanguageLabel,
            Customer = new CustomerContextView
            {
                Id = ticket.Customer.Id,
                Name = customer?.Name,
                Company = customer?.Company,
                Tier = customer?.Tier,
                Arr = customer?.Arr,
                Currency = customer?.Currency,
                CustomerSince = customer?.CustomerSince,
                RenewalDate = customer?.RenewalDate,
                Vip = customer?.Vip ?? false,
                Notes = notes,
            },
            Messages = ticket.Messages.Select(m => new ThreadMessageView(m.From, m.At, m.Text)).ToArray(),
            DraftText = decision?.Draft ?? "",
            Reasons = decision?.Reasons.Select(r => r.Text).ToArray() ?? [],
            Actions = (decision?.Actions ?? []).Select((a, i) => new ActionView(
                i, a.Kind, a.Describe(), a.Amount, a.Amount is { } amount ? Math.Min(amount, a.Limit ?? amount) : null, a.Currency, $"{a.PolicyCitation.Split('#')[0]} · {a.Rule}")).ToArray(),
            ActionFailure = record.Extra.TryGetValue(CaseActivities.ActionFailureField, out var failure) ? failure : null,
            Signals = signalViews,
            Policies = (decision?.Citations ?? []).Select(c => ws.FindPolicy(c.Split('@')[0]) is { } p
                ? new PolicyCitationView(p.Id, p.Version, p.Title, p.Body, p.ContentHash)
                : new PolicyCitationView(c.Split('@')[0], "", c, "(this policy is no longer in the workspace)")).ToArray(),
            Precedents = (state?.Retrieval?.Precedents ?? []).Select(p => new PrecedentView(p.Id, p.Title, p.Decision, p.Similarity)).ToArray(),
            Playbook = state?.Retrieval?.Playbook is { } pb ? new PlaybookView(pb.Title, pb.Steps) : null,
            SlaDeadline = record.SlaDeadline,
            Token = token,
            AuditUrl = record.LatestTraceId is null ? null : $"{options.PublicBaseUrl.TrimEnd('/')}/api/audit/{record.LatestTraceId}",
        };
    }

    /// <summary>Whether an evidence span (signal names like <c>legal:lawyer</c>, <c>manager</c>, <c>commercial</c>) supports a flag.</summary>
    private static bool EvidenceBelongsTo(string flag, string signal)
    {
        var token = flag == "negative" ? "intensity" : flag.Split('-')[0];
        var kind = signal.Split(':')[0];
        return kind.StartsWith(token, StringComparison.Ordinal) || token.StartsWith(kind, StringComparison.Ordinal);
    }

    /// <summary>The form's fields (the first value of each), read with the platform's form reader within the body limit.</summary>
    private static async Task<Dictionary<string, string>> ReadFormAsync(HttpRequest request)
    {
        var body = await HttpBody.ReadAsync(request).ConfigureAwait(false);
        var fields = new Microsoft.AspNetCore.WebUtilities.FormReader(Encoding.UTF8.GetString(body)).ReadForm();
        return fields.Where(f => f.Value.Count > 0).ToDictionary(f => f.Key, f => f.Value[0] ?? "", StringComparer.Ordinal);
    }

    private static string ActionWords(string action) => action switch
    {
        ReviewActions.Approve => "The draft was approved and is being sent to the customer.",
        ReviewActions.Edit => "Your edited reply is being sent to the customer.",
        ReviewActions.Reject => "The draft was rejected; nothing will be sent.",
        _ => "The case was escalated to a senior human.",
    };

    private static bool CaseIdLooksValid(string caseId) => caseId.Length is > 0 and <= 80 && caseId.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static IResult LinkProblemPage(LinkProblemModel model) => Answers.Page(model.HttpStatus, OutcomePages.LinkProblem(model));
}
