using Escalation.Api.Cases;

namespace Escalation.Api.Tests.Cases;

public sealed class CaseArtifactCacheTests
{
    [Fact]
    public void Set_MoreCasesThanCapacity_DropsTheOldestCases()
    {
        var cache = new CaseArtifactCache(capacity: 3);

        for (var i = 1; i <= 5; i++)
        {
            cache.Set($"case-{i}", "state", $"s{i}");
        }

        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryGet<string>("case-1", "state", out _));
        Assert.False(cache.TryGet<string>("case-2", "state", out _));
        Assert.True(cache.TryGet<string>("case-5", "state", out var kept));
        Assert.Equal("s5", kept);
    }

    [Fact]
    public void TryGet_KeptAsAnotherType_Misses()
    {
        var cache = new CaseArtifactCache();
        cache.Set("case-1", "state", 42);

        Assert.False(cache.TryGet<string>("case-1", "state", out _));
        Assert.True(cache.TryGet<int>("case-1", "state", out var n));
        Assert.Equal(42, n);
    }

    [Fact]
    public void TryAdd_NameAlreadyKept_KeepsTheFirst()
    {
        var cache = new CaseArtifactCache();
        cache.Set("case-1", "decision", "written by the stage");

        cache.TryAdd("case-1", "decision", "read back later");

        Assert.True(cache.TryGet<string>("case-1", "decision", out var kept));
        Assert.Equal("written by the stage", kept);
    }

    [Fact]
    public void Forget_ManyCasesForgottenAndSeenAgain_StaysBounded()
    {
        var cache = new CaseArtifactCache(capacity: 4);

        for (var i = 0; i < 10_000; i++)
        {
            cache.Set($"case-{i % 7}", "state", i);
            cache.Forget($"case-{(i + 3) % 7}");
        }

        Assert.InRange(cache.Count, 0, 4);
    }

    [Fact]
    public void Constructor_CapacityNotPositive_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CaseArtifactCache(0));
    }
}
