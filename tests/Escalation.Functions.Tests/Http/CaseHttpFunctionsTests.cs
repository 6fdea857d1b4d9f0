using System.Reflection;
using Escalation.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Escalation.Functions.Tests.Http;

/// <summary>The HTTP surface as the Functions host publishes it: one function per route, with its key requirement.</summary>
public sealed class CaseHttpFunctionsTests
{
    public static TheoryData<string, AuthorizationLevel, string, string, bool> Routes => new()
    {
        { nameof(CaseHttpFunctions.SubmitCase), AuthorizationLevel.Function, "post", "cases", true },
        { nameof(CaseHttpFunctions.SubmitZendesk), AuthorizationLevel.Function, "post", "webhooks/zendesk", true },
        { nameof(CaseHttpFunctions.GetCase), AuthorizationLevel.Function, "get", "cases/{caseId}", true },
        { nameof(CaseHttpFunctions.ListCases), AuthorizationLevel.Function, "get", "cases", false },
        { nameof(CaseHttpFunctions.ResumeCase), AuthorizationLevel.Function, "post", "cases/{caseId}/resume", true },
        { nameof(CaseHttpFunctions.EraseCustomer), AuthorizationLevel.Function, "post", "customers/{customerId}/erasure", false },
        { nameof(CaseHttpFunctions.StartSimulation), AuthorizationLevel.Function, "post", "simulations", true },
        { nameof(CaseHttpFunctions.GetSimulation), AuthorizationLevel.Function, "get", "simulations/{simulationId}", true },
        { nameof(CaseHttpFunctions.GetReviewPage), AuthorizationLevel.Anonymous, "get", "review/{caseId}", false },
        { nameof(CaseHttpFunctions.PostReview), AuthorizationLevel.Anonymous, "post", "review/{caseId}", true },
        { nameof(CaseHttpFunctions.GetAudit), AuthorizationLevel.Function, "get", "audit/{traceId}", false },
        { nameof(CaseHttpFunctions.VerifyAudit), AuthorizationLevel.Function, "get", "audit/{traceId}/verify", false },
        { nameof(CaseHttpFunctions.GetPublicAudit), AuthorizationLevel.Anonymous, "get", "public/audit/{traceId}", false },
        { nameof(CaseHttpFunctions.Health), AuthorizationLevel.Anonymous, "get", "health", false },
        { nameof(CaseHttpFunctions.OpenApi), AuthorizationLevel.Anonymous, "get", "openapi.json", false },
        { nameof(CaseHttpFunctions.MetricsSummary), AuthorizationLevel.Function, "get", "metrics/summary", false },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void Function_IsBoundToItsRouteMethodAndAuthorizationLevel(
        string function, AuthorizationLevel level, string method, string route, bool usesOrchestrations)
    {
        var info = typeof(CaseHttpFunctions).GetMethod(function)!;
        var parameters = info.GetParameters();
        var trigger = parameters[0].GetCustomAttribute<HttpTriggerAttribute>();

        Assert.Equal(function, FunctionBindings.FunctionName(info));
        Assert.NotNull(trigger);
        Assert.Equal((level, route), (trigger.AuthLevel, trigger.Route));
        Assert.NotNull(trigger.Methods);
        Assert.Equal([method], trigger.Methods);
        foreach (var routeValue in RouteValues(route))
        {
            Assert.Contains(parameters, p => p.Name == routeValue && p.ParameterType == typeof(string));
        }

        var client = parameters.SingleOrDefault(p => p.ParameterType == typeof(DurableTaskClient));
        Assert.Equal(usesOrchestrations, client?.GetCustomAttribute<DurableClientAttribute>() is not null);
    }

    [Fact]
    public void Functions_EveryHttpFunctionIsSpecifiedAbove()
    {
        var functions = typeof(CaseHttpFunctions).GetMethods().Select(FunctionBindings.FunctionName).OfType<string>().Order();

        Assert.Equal(Routes.Select(r => (string)r[0]).Order(), functions);
    }

    [Fact]
    public void Functions_NoTwoShareARouteAndMethod()
    {
        var bindings = typeof(CaseHttpFunctions).GetMethods()
            .Select(m => m.GetParameters().FirstOrDefault()?.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>()
            .Select(t => $"{string.Join(",", t.Methods ?? [])} {t.Route}")
            .ToList();

        Assert.Equal(bindings.Count, bindings.Distinct().Count());
    }

    private static IEnumerable<string> RouteValues(string route) =>
        route.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}'));
}
