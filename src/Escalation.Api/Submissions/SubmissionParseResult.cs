using System.Diagnostics.CodeAnalysis;
using Escalation.Api.Problems;
using Escalation.Core.Tickets;

namespace Escalation.Api.Submissions;

/// <summary>Either a valid submission or the problem to answer with — never both.</summary>
public sealed record SubmissionParseResult
{
    private SubmissionParseResult(CaseSubmission? submission, ProblemDetails? problem)
    {
        Submission = submission;
        Problem = problem;
    }

    /// <summary>The submission, when the body was valid.</summary>
    public CaseSubmission? Submission { get; }

    /// <summary>What was wrong, when it was not.</summary>
    public ProblemDetails? Problem { get; }

    /// <summary>True when <see cref="Submission"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Submission))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsValid => Submission is not null;

    public static SubmissionParseResult Valid(CaseSubmission submission) => new(submission, null);

    public static SubmissionParseResult Invalid(ProblemDetails problem) => new(null, problem);
}
