using Microsoft.AspNetCore.Http;
using AspNetProblem = Microsoft.AspNetCore.Mvc.ProblemDetails;

namespace Escalation.Api.Problems;

/// <summary>
/// The one mapping from the product's problems (<see cref="Problems"/>: a <c>urn:escalation:problem:…</c> type and,
/// for bad input, the fields at fault as JSON pointers in <c>errors</c>) to ASP.NET Core's problem details, written by
/// the platform's <see cref="IProblemDetailsService"/> when the host registered it (<c>AddProblemDetails</c>).
/// </summary>
public static class ProblemResults
{
    /// <summary>The answer for <paramref name="problem"/>, with further members (e.g. who decided a case) when given.</summary>
    public static IResult ToResult(ProblemDetails problem, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var details = new AspNetProblem
        {
            Type = problem.Type,
            Title = problem.Title,
            Status = problem.Status,
            Detail = problem.Detail,
            Instance = problem.Instance,
        };
        details.Extensions["errors"] = problem.Errors;
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
        {
            if (value is not null)
            {
                details.Extensions[name] = value;
            }
        }

        return TypedResults.Problem(details);
    }
}
