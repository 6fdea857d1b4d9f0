using System.Runtime;
using Escalation.Infrastructure.Email;

namespace Escalation.Infrastructure.Tests.Email;

/// <summary>Runs alone: it counts what a full garbage collection finds waiting for finalization in this process.</summary>
[CollectionDefinition(nameof(EmailGarbageTests), DisableParallelization = true)]
public sealed class EmailGarbageCollection;

/// <summary>
/// A sent e-mail leaves nothing for the finalizer. MimeKit's message, entities and contents have finalizers; an undisposed
/// message outlives the next collection with its whole object graph, which under load lengthens every collection's pause.
/// </summary>
[Collection(nameof(EmailGarbageTests))]
public sealed class EmailGarbageTests : IDisposable
{
    private const int Messages = 300;
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("outbox-gc-test-");

    [Fact]
    public async Task SendAsync_ManyMessages_LeavesNothingForTheFinalizer()
    {
        var sender = new OutboxEmailSender(_data.FullName, "Escalation <escalation@example.com>");
        await sender.SendAsync(EmailFixtures.ReviewRequest("warm-up"));
        GC.Collect();
        GC.WaitForPendingFinalizers();

        // No collection while sending: everything the messages left is still there for the one below to find.
        Assert.True(GC.TryStartNoGCRegion(128L << 20), "could not suspend garbage collection for the test");
        for (var i = 0; i < Messages; i++)
        {
            await sender.SendAsync(EmailFixtures.ReviewRequest($"review-case-{i}-lead"));
        }

        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        GC.EndNoGCRegion();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
        var pending = GC.GetGCMemoryInfo(GCKind.FullBlocking).FinalizationPendingCount;

        // Undisposed, each message leaves six objects to finalize (1,800 here); disposed, none.
        Assert.True(pending < Messages / 2, $"{pending} objects were waiting for finalization after {Messages} e-mails.");
        Assert.Equal(Messages + 1, Directory.GetFiles(sender.OutboxDirectory, "*.eml", SearchOption.AllDirectories).Length);
    }

    public void Dispose() => _data.Delete(recursive: true);
}
