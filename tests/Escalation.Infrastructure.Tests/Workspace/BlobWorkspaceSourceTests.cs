using System.Text;
using Escalation.Infrastructure.Tests.Storage;
using Escalation.Infrastructure.Workspace;

namespace Escalation.Infrastructure.Tests.Workspace;

public sealed class BlobWorkspaceSourceTests
{
    [SkippableFact]
    public async Task LoadAsync_ContainerWithWorkspaceLayout_GivesTheSameWorkspaceAsTheFiles()
    {
        var account = AzuriteAccount.Require();
        var container = account.Blobs.GetBlobContainerClient(AzuriteAccount.UniqueName("workspace"));
        await container.CreateAsync();
        var files = MinimalWorkspace.Files();
        foreach (var (path, text) in files)
        {
            await container.GetBlobClient("ws/" + path).UploadAsync(BinaryData.FromString(text));
        }

        await container.GetBlobClient("ws/.git/config").UploadAsync(BinaryData.FromString("ignored"));

        var fromBlobs = await WorkspaceLoader.LoadAsync(new BlobWorkspaceSource(container, "ws"));
        var fromFiles = WorkspaceLoader.Load([.. files.Select(f => new WorkspaceFile(f.Key, Encoding.UTF8.GetBytes(f.Value)))]);

        Assert.Equal(fromFiles.Version, fromBlobs.Version);
        Assert.Equal(fromFiles.Policies.Select(p => p.Citation), fromBlobs.Policies.Select(p => p.Citation));
    }

    [SkippableFact]
    public async Task ReadAllAsync_MissingContainer_SaysWhichContainer()
    {
        var account = AzuriteAccount.Require();
        var source = new BlobWorkspaceSource(account.Blobs.GetBlobContainerClient("absent-workspace"));

        var ex = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => source.ReadAllAsync());

        Assert.Contains("absent-workspace", ex.Message);
    }
}
