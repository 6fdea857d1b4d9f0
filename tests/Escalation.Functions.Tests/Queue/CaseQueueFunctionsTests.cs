using System.Reflection;
using System.Text.Json;
using Escalation.Api.Hosting;
using Escalation.Api.Http;
using Escalation.Functions.Queue;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Escalation.Functions.Tests.Queue;

public sealed class CaseQueueFunctionsTests
{
    [Fact]
    public void SubmitQueuedCase_ReadsInboundAndWritesRejectsToThePoisonQueue()
    {
        var method = typeof(CaseQueueFunctions).GetMethod(nameof(CaseQueueFunctions.SubmitQueuedCase))!;
        var parameters = method.GetParameters();
        var trigger = parameters[0].GetCustomAttribute<QueueTriggerAttribute>();
        var output = method.GetCustomAttribute<QueueOutputAttribute>();

        Assert.Equal(nameof(CaseQueueFunctions.SubmitQueuedCase), FunctionBindings.FunctionName(method));
        Assert.Equal(("cases-inbound", "AzureWebJobsStorage"), (trigger?.QueueName, trigger?.Connection));
        Assert.Equal(("cases-inbound-poison", "AzureWebJobsStorage"), (output?.QueueName, output?.Connection));
        Assert.Equal(typeof(string), parameters[0].ParameterType);
        Assert.NotNull(parameters.Single(p => p.ParameterType == typeof(DurableTaskClient)).GetCustomAttribute<DurableClientAttribute>());
        Assert.Equal(typeof(Task<string[]>), method.ReturnType);
    }

    [Fact]
    public void PoisonMessage_KeepsTheReasonAndTheOriginalMessage()
    {
        const string original = "{\"ticket\": \"not closed";

        using var poison = JsonDocument.Parse(CaseQueueFunctions.PoisonMessage(original, "body is not valid JSON"));

        Assert.Equal("body is not valid JSON", poison.RootElement.GetProperty("reason").GetString());
        Assert.Equal(original, poison.RootElement.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{\"ticketId\": \"Q-MAL\",", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    [InlineData("[1, 2]", "JSON object")]
    [InlineData("{\"ticketId\": \"Q-BAD\", \"customer\": {\"id\": \"cus_014\"}, \"messages\": []}", "/messages")]
    public async Task SubmitQueuedCase_BadMessage_ReturnsOnePoisonMessageWithTheReasonAndStartsNothing(string message, string reason)
    {
        var data = Directory.CreateTempSubdirectory("queue-fn-");
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Escalation:DataDirectory"] = data.FullName,
                ["Escalation:Workspace"] = Path.Combine(RepoRoot(), "samples", "workspace"),
            }).Build();
            await using var services = new ServiceCollection().AddLogging().AddEscalation(configuration).BuildServiceProvider();
            var client = new Mock<DurableTaskClient>(MockBehavior.Strict, "test"); // strict: no orchestration is looked up or started

            var poison = await new CaseQueueFunctions(services.GetRequiredService<CaseApi>()).SubmitQueuedCase(message, client.Object);

            using var written = JsonDocument.Parse(Assert.Single(poison));
            Assert.Contains(reason, written.RootElement.GetProperty("reason").GetString());
            Assert.Equal(message, written.RootElement.GetProperty("message").GetString());
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EscalationFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
