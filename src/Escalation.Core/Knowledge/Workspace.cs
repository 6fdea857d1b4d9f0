namespace Escalation.Core.Knowledge;

/// <summary>
/// The knowledge a decision reads, loaded and validated as a whole. <see cref="Version"/> is a content
/// hash of its files, so a trace can name exactly what the decision read.
/// </summary>
public sealed class Workspace
{
    private readonly Dictionary<string, CustomerEntity> _customers;
    private readonly Dictionary<string, Policy> _policies;

    public Workspace(
        string version,
        RoutingSettings routing,
        ToneGuide toneGuide,
        IEnumerable<CustomerEntity> customers,
        IEnumerable<Policy> policies,
        IEnumerable<Precedent> precedents,
        IEnumerable<Playbook> playbooks,
        IReadOnlyDictionary<string, string>? documents = null)
    {
        Version = version;
        Routing = routing;
        ToneGuide = toneGuide;
        Customers = customers.OrderBy(c => c.Id, StringComparer.Ordinal).ToArray();
        Policies = policies.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
        Precedents = precedents.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
        Playbooks = playbooks.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
        Documents = documents ?? new Dictionary<string, string>();
        _customers = Customers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _policies = Policies.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary><c>ws-</c> + 16 hex digits of the content hash of every file.</summary>
    public string Version { get; }
    public RoutingSettings Routing { get; }
    public ToneGuide ToneGuide { get; }
    public IReadOnlyList<CustomerEntity> Customers { get; }
    public IReadOnlyList<Policy> Policies { get; }
    public IReadOnlyList<Precedent> Precedents { get; }
    public IReadOnlyList<Playbook> Playbooks { get; }

    /// <summary>Extra text documents of the workspace by relative path (e.g. prompt templates).</summary>
    public IReadOnlyDictionary<string, string> Documents { get; }

    public CustomerEntity? FindCustomer(string id) => _customers.GetValueOrDefault(id);

    public Policy? FindPolicy(string id) => _policies.GetValueOrDefault(id);

    /// <summary>Policies of one category (ordered by id).</summary>
    public IEnumerable<Policy> PoliciesIn(string category) =>
        Policies.Where(p => string.Equals(p.Category, category, StringComparison.Ordinal));
}
