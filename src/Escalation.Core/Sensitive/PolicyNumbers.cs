using Escalation.Core.Knowledge;

namespace Escalation.Core.Sensitive;

/// <summary>Reads the numbers the rules use from the governing policies, falling back to routing settings.</summary>
public static class PolicyNumbers
{
    /// <summary>The auto-approve cap of the first policy of <paramref name="category"/> that sets one, else the routing default.</summary>
    public static decimal Cap(Workspace workspace, string category) =>
        workspace.PoliciesIn(category).Select(p => p.NumberOrNull("autoApproveCap")).FirstOrDefault(n => n is not null)
        ?? workspace.Routing.AutoApproveCap;

    /// <summary>The policy of a category that the retrieval matched, else the first of that category.</summary>
    public static Policy? Governing(Workspace workspace, PolicyRetrieval retrieval, string category) =>
        retrieval.Policies.Where(p => p.Category == category).Select(p => workspace.FindPolicy(p.Id)).FirstOrDefault(p => p is not null)
        ?? workspace.PoliciesIn(category).FirstOrDefault();
}
