namespace Escalation.Core.Sensitive;

/// <summary>
/// What a chat model did for one draft: model, tokens, latency, prompt template hash, which path was
/// taken and why. Kept apart from the trace entries: the full (internal) trace stores it, the public
/// audit view leaves it out. Never holds the prompt, the rejected drafts or any reasoning text.
/// </summary>
public sealed record ModelInfo
{
    /// <summary>The model that answered last (or the configured one when no call succeeded).</summary>
    public required string ModelName { get; init; }

    /// <summary>Workspace path of the prompt template, e.g. <c>prompts/draft-reply.md</c>.</summary>
    public required string PromptTemplate { get; init; }

    /// <summary>Lowercase hex SHA-256 of the prompt template text (empty when the template was missing).</summary>
    public required string PromptHash { get; init; }

    /// <summary>One of <see cref="DraftingPaths"/>.</summary>
    public required string Path { get; init; }

    /// <summary>Why the model's draft was not used (a <see cref="ChatModelFailures"/> reason or a <see cref="FallbackReasons"/> value); null when it was.</summary>
    public string? FallbackReason { get; init; }

    /// <summary>Every model call, in order (including the failed ones).</summary>
    public IReadOnlyList<ModelCall> Calls { get; init; } = [];

    public long InputTokens => Calls.Sum(c => c.InputTokens ?? 0);
    public long OutputTokens => Calls.Sum(c => c.OutputTokens ?? 0);
    public long LatencyMs => Calls.Sum(c => c.LatencyMs);
}

/// <summary>One model call.</summary>
/// <param name="Attempt"><c>first</c> or <c>after-violations</c>.</param>
/// <param name="Outcome"><c>accepted</c>, <c>violations</c> or a <see cref="ChatModelFailures"/> reason.</param>
/// <param name="ModelName">Model that answered, when it answered.</param>
/// <param name="InputTokens">Prompt tokens, when reported.</param>
/// <param name="OutputTokens">Completion tokens, when reported.</param>
/// <param name="LatencyMs">Duration of the call in milliseconds.</param>
/// <param name="WaitedMs">How long we waited before this call (backoff or Retry-After).</param>
/// <param name="ViolationCodes">Tone-check violation codes of the draft, when it had any.</param>
public sealed record ModelCall(
    string Attempt, string Outcome, string? ModelName, long? InputTokens, long? OutputTokens, long LatencyMs, long WaitedMs,
    IReadOnlyList<string> ViolationCodes);

/// <summary>Which path produced the draft.</summary>
public static class DraftingPaths
{
    /// <summary>The model's first draft passed.</summary>
    public const string Model = "model";

    /// <summary>The model's second draft, written with the violations fed back, passed.</summary>
    public const string ModelRevised = "model-revised";

    /// <summary>The deterministic composer's draft was used instead.</summary>
    public const string ComposerFallback = "composer-fallback";

    /// <summary>The composer's draft failed the tone-check too: the case must be reviewed by a human.</summary>
    public const string Review = "review";
}

/// <summary>Fallback reasons that are not model-call failures.</summary>
public static class FallbackReasons
{
    /// <summary>The model's draft still broke the guardrails after one retry with the violations.</summary>
    public const string Violations = "violations";

    /// <summary>The workspace has no <c>prompts/draft-reply.md</c>.</summary>
    public const string NoPromptTemplate = "no-prompt-template";

    /// <summary>The prompt template is malformed (missing section, unknown placeholder).</summary>
    public const string InvalidPromptTemplate = "invalid-prompt-template";
}
