using Escalation.Infrastructure.Storage;

namespace Escalation.Infrastructure.Tests.Storage;

/// <summary>The Azurite account test.sh starts; Azure adapter tests are skipped, saying why, when it is absent.</summary>
internal static class AzuriteAccount
{
    public const string Variable = "ESCALATION_TEST_AZURITE";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    /// <summary>The account, or a skipped test when no Azurite connection string is set.</summary>
    public static AzureStorageAccount Require()
    {
        Skip.If(ConnectionString is null, $"Azure adapter test skipped: {Variable} is not set (test.sh starts Azurite and sets it).");
        return AzureStorageAccount.FromConnectionString(ConnectionString!);
    }

    /// <summary>A fresh container/table/queue name for one test.</summary>
    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];
}
