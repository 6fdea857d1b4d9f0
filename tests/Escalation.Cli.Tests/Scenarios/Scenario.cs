using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Escalation.Cli.Tests.Scenarios;

/// <summary>One ticket of the team's scenario suite (issue 25) and how a senior would route it.</summary>
public sealed class Scenario
{
    public string Id { get; set; } = "";

    /// <summary>Customer id in the sample workspace.</summary>
    public string Customer { get; set; } = "cus_008";
    public string? Subject { get; set; }

    /// <summary>The customer's message; <see cref="Thread"/> for earlier messages of the same thread.</summary>
    public string Text { get; set; } = "";
    public List<string> Thread { get; set; } = [];

    /// <summary><c>sensitive</c> (default) or <c>escalation</c>, which needs <see cref="Handoff"/>.</summary>
    public string Kind { get; set; } = "sensitive";

    /// <summary>Tier 1's handoff of an escalation.</summary>
    public ScenarioHandoff? Handoff { get; set; }

    /// <summary>Expected route: draft-and-send, draft-for-review or escalate; for escalations resolve-in-place, return-to-tier-1 or escalate.</summary>
    public string Route { get; set; } = "";

    /// <summary>Reason codes that must all be present.</summary>
    public List<string> Reasons { get; set; } = [];

    /// <summary>Reason codes that must not be present (e.g. a breach of contract is not a security issue).</summary>
    public List<string> Absent { get; set; } = [];

    /// <summary>Expected language code; the file's language when not set.</summary>
    public string? Language { get; set; }

    /// <summary>Expected reviewer queue, when it matters (e.g. social for public exposure).</summary>
    public string? Queue { get; set; }

    /// <summary>Expected priority, when it matters (a past outage is context, not P0).</summary>
    public string? Priority { get; set; }

    /// <summary>Expected playbook id, when it matters (a playbook must be found in every covered language).</summary>
    public string? Playbook { get; set; }

    /// <summary>What the scenario is about (paraphrase, sarcasm, money format…).</summary>
    public string? Note { get; set; }
}

/// <summary>Tier 1's handoff, as a scenario writes it.</summary>
public sealed class ScenarioHandoff
{
    public string Summary { get; set; } = "";
    public string Category { get; set; } = "billing";
    public List<string> Tried { get; set; } = [];
    public string WhatNeeded { get; set; } = "";
    public string? CustomerExpectation { get; set; }
}

/// <summary>One file of the suite: the scenarios written in one language.</summary>
public sealed class ScenarioFile
{
    public string Language { get; set; } = "";
    public List<Scenario> Scenarios { get; set; } = [];

    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();

    /// <summary>Every scenario file next to this test's source.</summary>
    public static IReadOnlyList<ScenarioFile> LoadAll()
    {
        var dir = Path.Combine(RepoRoot(), "tests", "Escalation.Cli.Tests", "Scenarios");
        return Directory.GetFiles(dir, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => Yaml.Deserialize<ScenarioFile>(File.ReadAllText(f)))
            .ToArray();
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EscalationFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("repository root (EscalationFunctions.sln) not found");
    }
}
