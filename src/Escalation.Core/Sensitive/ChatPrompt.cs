namespace Escalation.Core.Sensitive;

/// <summary>A rendered, grounded prompt for a chat model, and the template it came from.</summary>
public sealed record ChatPrompt
{
    public required IReadOnlyList<ChatPromptMessage> Messages { get; init; }

    /// <summary>Workspace path of the template (<c>prompts/draft-reply.md</c>).</summary>
    public required string TemplatePath { get; init; }

    /// <summary>Lowercase hex SHA-256 of the template text.</summary>
    public required string TemplateHash { get; init; }

    /// <summary>The revision instruction with <c>{{violations}}</c> still in it (from the template's Revision section).</summary>
    public required string RevisionTemplate { get; init; }

    /// <summary>
    /// The prompt for the second attempt: this conversation, the rejected draft as the assistant's turn,
    /// then the violations the guardrails found and the instruction to rewrite.
    /// </summary>
    public ChatPrompt WithViolations(string rejectedDraft, IEnumerable<ToneViolation> violations)
    {
        var list = string.Join("\n", violations.Select(v => $"- [{v.Code}]{(v.Blocking ? " (blocking)" : "")} {v.Text}"));
        var feedback = ChatPromptTemplate.Substitute(RevisionTemplate, new Dictionary<string, string> { ["violations"] = list });
        return this with
        {
            Messages = [.. Messages, new ChatPromptMessage(ChatPromptRoles.Assistant, rejectedDraft), new ChatPromptMessage(ChatPromptRoles.User, feedback)],
        };
    }
}

/// <summary>One message of a prompt.</summary>
/// <param name="Role">One of <see cref="ChatPromptRoles"/>.</param>
/// <param name="Text">The message text.</param>
public sealed record ChatPromptMessage(string Role, string Text);

/// <summary>Message roles.</summary>
public static class ChatPromptRoles
{
    public const string System = "system";
    public const string User = "user";
    public const string Assistant = "assistant";
}
