using Escalation.Core.Storage;
using Escalation.Core.Workflow;
using Escalation.Infrastructure.Storage;

namespace Escalation.Infrastructure.Tests.Storage;

/// <summary>What every <see cref="IReviewClaimStore"/> must do; run on the data folder and on Azurite tables.</summary>
public abstract class ReviewClaimStoreContract
{
    protected abstract IReviewClaimStore CreateStore();

    private static ReviewClaim Claim(string caseId, string reviewer, string action = "approve") =>
        new(caseId, action, reviewer, SampleTraces.At, TextSha256: new string('b', 64));

    [SkippableFact]
    public async Task Get_NobodyDecided_ReturnsNull()
    {
        Assert.Null(await CreateStore().GetAsync(SampleTraces.NewCaseId()));
    }

    [SkippableFact]
    public async Task Claim_TwelveReviewersRaceOnAFreshStore_ExactlyOneWinsAndEveryoneIsToldWho()
    {
        var store = CreateStore();
        var caseId = SampleTraces.NewCaseId();
        string[] actions = ["approve", "reject", "escalate", "edit"];

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => store.ClaimAsync(Claim(caseId, $"reviewer-{i}@lumen.example", actions[i % actions.Length])))));

        var winner = Assert.Single(results.Select(r => r.Reviewer).Distinct());
        Assert.All(results, r => Assert.Equal(results[0], r));
        Assert.Equal(results[0], await store.GetAsync(caseId));
        Assert.StartsWith("reviewer-", winner);
    }

    [SkippableFact]
    public async Task Claim_AfterTheSlaTimerClaimed_LateReviewerGetsTheTimersClaim()
    {
        var store = CreateStore();
        var caseId = SampleTraces.NewCaseId();
        var timer = new ReviewClaim(caseId, ReviewClaim.SlaTimeoutAction, ReviewClaim.Agent, SampleTraces.At.AddHours(24));
        await store.ClaimAsync(timer);

        var late = await store.ClaimAsync(Claim(caseId, "late@lumen.example"));

        Assert.True(late.IsSlaTimeout);
        Assert.Equal(timer, late);
    }

    [SkippableFact]
    public async Task Claim_TwoCases_EachKeepsItsOwnClaim()
    {
        var store = CreateStore();
        var (a, b) = (SampleTraces.NewCaseId(), SampleTraces.NewCaseId());

        await store.ClaimAsync(Claim(a, "ana@lumen.example", "reject"));
        await store.ClaimAsync(Claim(b, "ben@lumen.example", "edit"));

        Assert.Equal(("ana@lumen.example", "reject"), ((await store.GetAsync(a))!.Reviewer, (await store.GetAsync(a))!.Action));
        Assert.Equal(("ben@lumen.example", "edit"), ((await store.GetAsync(b))!.Reviewer, (await store.GetAsync(b))!.Action));
    }
}

/// <summary>The claim contract on the data folder (the local host's store).</summary>
public sealed class FileReviewClaimStoreTests : ReviewClaimStoreContract, IDisposable
{
    private readonly TempDirectory _dir = new();

    protected override IReviewClaimStore CreateStore() => new FileReviewClaimStore(_dir.Path);

    public void Dispose() => _dir.Dispose();
}

/// <summary>The claim contract on Azurite tables (the Functions host's store), each test on a table that does not exist yet.</summary>
public sealed class AzureReviewClaimStoreTests : ReviewClaimStoreContract
{
    protected override IReviewClaimStore CreateStore() =>
        new AzureReviewClaimStore(AzuriteAccount.Require(), AzuriteAccount.UniqueName("claims"));
}
