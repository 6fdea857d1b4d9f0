using Escalation.Core.Pipelines;
using Escalation.Core.Decisions;
using Escalation.Core.Escalations;
using Escalation.Core.Knowledge;
using Escalation.Core.Sensitive;
using Escalation.Core.Tickets;
using Escalation.Infrastructure.Workspace;

namespace Escalation.Cli.Tests.Scenarios;

/// <summary>
/// The team's own scenario suite (issue 25): every ticket in Scenarios/*.yaml through the real sensitive pipeline with
/// the sample workspace, asserting the route, the reason codes a senior would give, and never an unsafe auto-send.
/// </summary>
public sealed class ScenarioSuiteTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<Workspace> Ws = new(() => WorkspaceLoader.LoadFolderAsync(Path.Combine(ScenarioFile.RepoRoot(), "samples", "workspace")).GetAwaiter().GetResult());
    private static readonly Lazy<IReadOnlyList<ScenarioFile>> Files = new(ScenarioFile.LoadAll);

    /// <summary>The languages the signal rules and the reply templates cover.</summary>
    private static readonly string[] Covered = ["en", "es", "de", "fr", "pt", "it", "nl"];

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var s in Files.Value.SelectMany(f => f.Scenarios))
        {
            data.Add(s.Id);
        }

        return data;
    }

    /// <summary>A copy of scenario <paramref name="id"/> with its file's language filled in.</summary>
    internal static Scenario Scenario(string id)
    {
        var (s, language) = Find(id);
        return new Scenario
        {
            Id = s.Id, Customer = s.Customer, Subject = s.Subject, Text = s.Text, Thread = [.. s.Thread], Kind = s.Kind, Handoff = s.Handoff,
            Route = s.Route, Reasons = [.. s.Reasons], Absent = [.. s.Absent], Language = s.Language ?? language, Note = s.Note,
        };
    }

    private static (Scenario Scenario, string Language) Find(string id)
    {
        var file = Files.Value.Single(f => f.Scenarios.Any(s => s.Id == id));
        return (file.Scenarios.Single(s => s.Id == id), file.Language);
    }

    internal static CaseDecision Decide(Scenario s)
    {
        var messages = s.Thread.Select((t, i) => new TicketMessage { From = "customer", At = Now.AddDays(-s.Thread.Count - 1 + i), Text = t })
            .Append(new TicketMessage { From = "customer", At = Now.AddHours(-2), Text = s.Text })
            .ToArray();
        var ticket = new CaseSubmission
        {
            TicketId = s.Id,
            Kind = s.Kind,
            Customer = new CustomerProfile { Id = s.Customer },
            Subject = s.Subject,
            Messages = messages,
            Handoff = s.Handoff is { } h
                ? new TierOneHandoff
                {
                    Summary = h.Summary, Category = h.Category, Priority = "P2", Started = Now.AddDays(-1),
                    WhatTried = h.Tried.Select(t => new HandoffAttempt { Action = t, Result = "did not resolve it" }).ToArray(),
                    WhatNeeded = h.WhatNeeded, CustomerExpectation = h.CustomerExpectation ?? "An answer today.",
                }
                : null,
        };
        return new CasePipelines(CaseDetectors.Embedded, new ComposerDraftWriter()).Decide(ticket, Ws.Value, Now);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Run_Scenario_RoutesAsASeniorWould(string id)
    {
        var (s, language) = Find(id);

        var d = Decide(s);

        var got = $"{d.Route} [{string.Join(", ", d.Reasons.Select(r => r.Code))}] lang {d.Language}\n  " + string.Join("\n  ", d.Reasons.Select(r => r.Text));
        Assert.True(d.Route == s.Route, $"{id}: expected {s.Route}, got {got}. {s.Note}");
        foreach (var code in s.Reasons)
        {
            Assert.True(d.Reasons.Any(r => r.Code == code), $"{id}: expected reason {code}, got {got}. {s.Note}");
        }

        foreach (var code in s.Absent)
        {
            Assert.False(d.Reasons.Any(r => r.Code == code), $"{id}: reason {code} must not be given, got {got}. {s.Note}");
        }

        Assert.True((s.Language ?? language) == d.Language, $"{id}: expected language {s.Language ?? language}, got {got}.");
        if ((d.Route is Routes.DraftAndSend or Routes.ResolveInPlace) && d.Language != "en")
        {
            // Sent in the customer's language, from the tone guide's templates: its sign-off, none of the English sentences.
            Assert.Contains(Ws.Value.ToneGuide.Languages[d.Language].SignOff!, d.Draft, StringComparison.Ordinal);
            Assert.DoesNotContain("Thank you", d.Draft, StringComparison.Ordinal);
            Assert.DoesNotContain("I have", d.Draft, StringComparison.Ordinal);
        }

        if (s.Priority is { } priority)
        {
            Assert.True(priority == d.Priority, $"{id}: expected priority {priority}, got {d.Priority}.");
        }

        if (s.Queue is { } queue)
        {
            Assert.True(queue == d.ReviewerQueue, $"{id}: expected queue {queue}, got {d.ReviewerQueue}.");
        }

        if (s.Playbook is { } playbook)
        {
            Assert.True(playbook == d.PlaybookId, $"{id}: expected playbook {playbook}, got {d.PlaybookId ?? "none"}.");
        }
    }

    [Fact]
    public void Suite_EveryScenario_NoUnsafeAutoSend()
    {
        // Sent without a human: an auto-sent reply, or an escalation resolved in place.
        static bool Unattended(string route) => route is Routes.DraftAndSend or Routes.ResolveInPlace;
        var unsafeSends = Files.Value.SelectMany(f => f.Scenarios)
            .Where(s => !Unattended(s.Route))
            .Select(s => (s.Id, Decision: Decide(s)))
            .Where(x => Unattended(x.Decision.Route))
            .Select(x => x.Id)
            .ToArray();

        Assert.Empty(unsafeSends);
    }

    [Fact]
    public void Suite_Size_AtLeast150AndTenPerCoveredLanguage()
    {
        var all = Files.Value.SelectMany(f => f.Scenarios).ToArray();

        Assert.True(all.Length >= 150, $"{all.Length} scenarios");
        Assert.Equal(all.Length, all.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count());
        foreach (var language in Covered)
        {
            var n = Files.Value.Where(f => f.Language == language).Sum(f => f.Scenarios.Count);
            Assert.True(n >= 10, $"{language}: {n} scenarios");
        }

        Assert.Contains(all, s => s.Reasons.Contains(ReasonCodes.LanguageNotCovered));
        Assert.True(all.Count(s => s.Route == Routes.DraftAndSend) >= 20, "too few plain requests that should be sent");
    }
}
