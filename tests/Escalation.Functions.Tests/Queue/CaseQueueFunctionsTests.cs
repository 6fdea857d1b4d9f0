using System.Reflection;
using System.Text.Json;
using Escalation.Functions.Queue;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

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
}
