using System.Text.RegularExpressions;
using Escalation.Core.Knowledge;
using Escalation.Core.Tracing;

namespace Escalation.Core.Sensitive;

/// <summary>Retry bounds of <see cref="GuardedDraftingService"/>.</summary>
public sealed record GuardedDraftingOptions
{
    /// <summary>Retries after a transient failure (timeout, 429, 5xx, network) of one model call; 0 = none.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>First backoff when the endpoint gives no Retry-After; doubles on each retry.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest Retry-After honoured; a longer one ends the attempts at once (rate-limited).</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(20);
}

/// <summary>A checked draft, which path produced it, and what the model did.</summary>
public sealed record GuardedDraft
{
    /// <summary>The draft (its <see cref="Draft.Model"/> is <see cref="Model"/>) and its tone-check.</summary>
    public required CheckedDraft Result { get; init; }

    /// <summary>One of <see cref="DraftingPaths"/>.</summary>
    public required string Path { get; init; }
    public string? FallbackReason { get; init; }
    public required ModelInfo Model { get; init; }

    /// <summary>True when no draft passed the tone-check: the case must go to a human.</summary>
    public bool NeedsReview => Path == DraftingPaths.Review;
}

/// <summary>
/// Drafting with a chat model under the composer's guardrails. Renders the workspace prompt template
/// for the case, calls the model (bounded retries on timeouts, 429 with Retry-After, 5xx and network
/// errors), tone-checks the reply with the same <see cref="ToneCheckStage"/>, retries once with the
/// violations fed back, and otherwise falls back to the deterministic <see cref="ComposerDraftWriter"/>
/// (marking the case for review when that draft fails too). A case is never lost to the model.
/// </summary>
public sealed partial class GuardedDraftingService
{
    private const string Stage = "draft";
    private readonly IChatDraftModel _model;
    private readonly CheckedDraftWriter _composer;
    private readonly ToneCheckStage _toneCheck;
    private readonly GuardedDraftingOptions _options;
    private readonly TimeProvider _time;

    public GuardedDraftingService(IChatDraftModel model, GuardedDraftingOptions? options = null, TimeProvider? time = null,
        ComposerDraftWriter? composer = null, ToneCheckStage? toneCheck = null)
    {
        _model = model;
        _options = options ?? new GuardedDraftingOptions();
        _time = time ?? TimeProvider.System;
        _toneCheck = toneCheck ?? new ToneCheckStage();
        _composer = new CheckedDraftWriter(composer ?? new ComposerDraftWriter(), _toneCheck);
    }

    /// <summary>The configured model name.</summary>
    public string ModelName => _model.ModelName;

    /// <summary>Write and check the reply for <paramref name="request"/>.</summary>
    public async Task<GuardedDraft> WriteAsync(DraftRequest request, Workspace workspace, CancellationToken cancellationToken = default)
    {
        var calls = new List<ModelCall>();
        var trace = new List<TraceEntry>();
        if (!workspace.Documents.TryGetValue(ChatPromptTemplate.WorkspacePath, out var templateText))
        {
            trace.Add(TraceEntry.Found(Stage, $"The workspace has no {ChatPromptTemplate.WorkspacePath}; the chat model was not called."));
            return await FallbackAsync(request, workspace, FallbackReasons.NoPromptTemplate, "", calls, trace);
        }

        ChatPromptTemplate template;
        try
        {
            template = ChatPromptTemplate.Parse(ChatPromptTemplate.WorkspacePath, templateText);
        }
        catch (FormatException e)
        {
            trace.Add(TraceEntry.Found(Stage, $"The prompt template is invalid ({e.Message}); the chat model was not called."));
            return await FallbackAsync(request, workspace, FallbackReasons.InvalidPromptTemplate, ChatPromptTemplate.HashOf(templateText), calls, trace);
        }

        var templateRef = $"{template.Path}#{template.Hash}";
        var prompt = ChatPromptBuilder.Build(template, request, workspace);
        trace.Add(TraceEntry.Read(Stage,
            $"Prompt from {template.Path}, grounded in {request.Retrieval.Policies.Count} polic{(request.Retrieval.Policies.Count == 1 ? "y" : "ies")}, " +
            $"{request.Retrieval.Precedents.Count} precedent(s) and playbook {request.Retrieval.Playbook?.Id ?? "none"}; " +
            $"{ChatPromptBuilder.MustNotPromise(request, workspace).Count} things the reply may not promise.",
            [templateRef, .. request.Retrieval.Citations]));

        // First attempt.
        var first = await CallAsync(prompt, "first", calls, cancellationToken);
        if (first.Failure is { } failure1)
        {
            trace.Add(TraceEntry.Found(Stage, $"The chat model did not answer ({Describe(failure1, calls)})."));
            return await FallbackAsync(request, workspace, failure1, template.Hash, calls, trace);
        }

        var draft1 = ModelDraft(first.Text!, revised: false);
        var check1 = _toneCheck.Check(draft1, request, workspace);
        if (check1.Passed)
        {
            Record(calls, "accepted", []);
            trace.Add(TraceEntry.Decided(Stage, $"Used the chat model's draft: it passed the tone-check and guardrails (score {check1.Score}).", templateRef));
            return Accepted(draft1, check1, DraftingPaths.Model, template.Hash, calls, trace);
        }

        Record(calls, "violations", check1.Violations.Select(v => v.Code).ToArray());
        trace.Add(TraceEntry.Found(Stage,
            $"The chat model's draft failed the tone-check (score {check1.Score}; {Codes(check1)}); asked once more with the violations."));

        // One retry with the violations fed back.
        var second = await CallAsync(prompt.WithViolations(draft1.Text, check1.Violations), "after-violations", calls, cancellationToken);
        if (second.Failure is { } failure2)
        {
            trace.Add(TraceEntry.Found(Stage, $"The chat model did not answer the second time ({Describe(failure2, calls)})."));
            return await FallbackAsync(request, workspace, failure2, template.Hash, calls, trace);
        }

        var draft2 = ModelDraft(second.Text!, revised: true);
        var check2 = _toneCheck.Check(draft2, request, workspace);
        if (check2.Passed)
        {
            Record(calls, "accepted", []);
            trace.Add(TraceEntry.Decided(Stage, $"Used the chat model's second draft: it passed the tone-check and guardrails (score {check2.Score}).", templateRef));
            return Accepted(draft2, check2, DraftingPaths.ModelRevised, template.Hash, calls, trace);
        }

        Record(calls, "violations", check2.Violations.Select(v => v.Code).ToArray());
        trace.Add(TraceEntry.Found(Stage, $"The chat model's second draft failed the tone-check too (score {check2.Score}; {Codes(check2)})."));
        return await FallbackAsync(request, workspace, FallbackReasons.Violations, template.Hash, calls, trace);
    }

    private Draft ModelDraft(string text, bool revised) =>
        new() { Text = text, Writer = "chat", Revised = revised };

    private GuardedDraft Accepted(Draft draft, ToneCheck check, string path, string hash, List<ModelCall> calls, List<TraceEntry> trace)
    {
        var info = Info(path, null, hash, calls);
        var final = draft with { Trace = trace, Model = info };
        return new GuardedDraft { Result = new CheckedDraft(final, check), Path = path, Model = info };
    }

    private async ValueTask<GuardedDraft> FallbackAsync(DraftRequest request, Workspace workspace, string reason, string hash, List<ModelCall> calls, List<TraceEntry> trace)
    {
        var composed = await _composer.WriteAsync(request, workspace);
        var path = composed.ToneCheck.Passed ? DraftingPaths.ComposerFallback : DraftingPaths.Review;
        trace.Add(TraceEntry.Decided(Stage, path == DraftingPaths.Review
            ? $"Fell back to the composer ({reason}); its draft failed the tone-check too, so the case goes to review."
            : $"Fell back to the deterministic composer draft ({reason})."));
        var info = Info(path, reason, hash, calls);
        var draft = composed.Draft with { Trace = [.. trace, .. composed.Draft.Trace], Model = info };
        return new GuardedDraft { Result = composed with { Draft = draft }, Path = path, FallbackReason = reason, Model = info };
    }

    private ModelInfo Info(string path, string? reason, string hash, List<ModelCall> calls) => new()
    {
        ModelName = calls.LastOrDefault(c => c.ModelName is not null)?.ModelName ?? _model.ModelName,
        PromptTemplate = ChatPromptTemplate.WorkspacePath,
        PromptHash = hash,
        Path = path,
        FallbackReason = reason,
        Calls = calls.ToArray(),
    };

    /// <summary>Sets the outcome of the last successful call.</summary>
    private static void Record(List<ModelCall> calls, string outcome, IReadOnlyList<string> codes) =>
        calls[^1] = calls[^1] with { Outcome = outcome, ViolationCodes = codes };

    private static string Codes(ToneCheck check) =>
        check.Violations.Count == 0 ? "score below the pass mark" : string.Join(", ", check.Violations.Select(v => v.Code).Distinct());

    private static string Describe(string failure, List<ModelCall> calls) =>
        $"{failure} after {calls.Count(c => c.Outcome != "accepted" && c.Outcome != "violations")} failed call(s)";

    private sealed record CallResult(string? Text, string? Failure);

    /// <summary>One model call with bounded retries on transient failures; adds every call to <paramref name="calls"/>.</summary>
    private async Task<CallResult> CallAsync(ChatPrompt prompt, string attempt, List<ModelCall> calls, CancellationToken ct)
    {
        var waited = TimeSpan.Zero;
        for (var retry = 0; ; retry++)
        {
            var start = _time.GetTimestamp();
            try
            {
                var result = await _model.CompleteAsync(prompt, ct);
                calls.Add(new ModelCall(attempt, "answered", result.ModelName, result.InputTokens, result.OutputTokens,
                    (long)result.Latency.TotalMilliseconds, (long)waited.TotalMilliseconds, []));
                return new CallResult(StripReasoning(result.Text), null);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var failure = e as ChatModelException;
                var reason = failure?.Reason ?? (e is OperationCanceledException ? ChatModelFailures.Timeout : ChatModelFailures.Error);
                calls.Add(new ModelCall(attempt, reason, null, null, null,
                    (long)_time.GetElapsedTime(start).TotalMilliseconds, (long)waited.TotalMilliseconds, []));
                if (!ChatModelFailures.IsTransient(reason) || retry >= _options.MaxRetries)
                {
                    return new CallResult(null, reason);
                }

                if (failure?.RetryAfter is { } after && after > _options.MaxRetryAfter)
                {
                    return new CallResult(null, reason);
                }

                waited = failure?.RetryAfter ?? _options.RetryDelay * Math.Pow(2, retry);
                if (waited > TimeSpan.Zero)
                {
                    await Task.Delay(waited, _time, ct);
                }
            }
        }
    }

    /// <summary>The reply without any reasoning block (<c>&lt;think&gt;…&lt;/think&gt;</c>) some models emit; reasoning is never kept.</summary>
    internal static string StripReasoning(string text) => Reasoning().Replace(text, "").Trim();

    [GeneratedRegex(@"<(think|thinking|reasoning)>.*?(</\1>|$)", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Reasoning();
}
