using Escalation.Api.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Api.Tests.Hosting;

public sealed class StartedClockTests
{
    [Fact]
    public void GetUtcNow_AfterTheOtherClockMoves_RunsOnFromTheStart()
    {
        var pace = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero));
        var clock = StartedClock.FromSetting("2026-11-23T12:00:00Z", pace)!;

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero), clock.GetUtcNow());
        pace.Advance(TimeSpan.FromMinutes(90));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 13, 30, 0, TimeSpan.Zero), clock.GetUtcNow());
    }

    [Fact]
    public void CreateTimer_OnTheStartedClock_FiresWhenTheOtherClockHasMovedThatFar()
    {
        var pace = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero));
        var clock = new StartedClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero), pace);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);

        pace.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, fired);
        pace.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, fired);
    }

    [Fact]
    public void FromSetting_Empty_LeavesTheSystemClock()
    {
        Assert.Null(StartedClock.FromSetting(null));
        Assert.Null(StartedClock.FromSetting("  "));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-11-23")]
    [InlineData("2026-11-23T12:00:00")]
    [InlineData("23/11/2026 12:00")]
    public void FromSetting_NotAnInstantWithAnOffset_NamesTheSettingAndAnExample(string value)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StartedClock.FromSetting(value));

        Assert.Contains("Escalation:ClockStart", ex.Message);
        Assert.Contains("2026-11-23T12:00:00Z", ex.Message);
    }

    [Fact]
    public void FromSetting_WithAnOffset_StartsAtThatInstant()
    {
        var pace = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero));

        var clock = StartedClock.FromSetting("2026-11-23T13:00:00+01:00", pace)!;

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero), clock.GetUtcNow());
    }
}
