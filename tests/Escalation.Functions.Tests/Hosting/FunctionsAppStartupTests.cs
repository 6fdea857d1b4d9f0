using System.Reflection;
using System.Text.Json.Nodes;
using Escalation.Api.Hosting;
using Escalation.Functions.Hosting;
using Escalation.Functions.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Escalation.Functions.Tests.Hosting;

/// <summary>
/// The Functions app's host built the way Program.cs builds it, with the settings of local.settings.example.json:
/// a function class whose dependencies are not registered fails here, not on its first invocation in Azure.
/// </summary>
public sealed class FunctionsAppStartupTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "local.settings.example.json")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("repository root not found");
    }

    private static IHost BuildHost(Dictionary<string, string?>? overrides = null)
    {
        var root = RepoRoot();
        var values = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "local.settings.example.json")))!["Values"]!.AsObject();
        var settings = values.ToDictionary(v => v.Key.Replace("__", ":", StringComparison.Ordinal), v => (string?)v.Value);
        // The example's workspace path is relative to the Functions project folder, where `func start` runs.
        settings["Escalation:Workspace"] = Path.Combine(root, "samples", "workspace");
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddEscalationFunctions(builder.Configuration);
        return builder.Build();
    }

    /// <summary>Classes the worker instantiates per invocation: those with instance methods marked <c>[Function]</c>.</summary>
    private static IEnumerable<Type> Types() =>
        typeof(CaseActivityFunctions).Assembly.GetTypes()
            .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null));

    public static TheoryData<Type> FunctionClasses() => new(Types());

    [Fact]
    public void Build_WithALanguageEndpoint_ReadsSentimentThroughTheAsynchronousReader()
    {
        using var host = BuildHost(new() { ["Escalation:Language:Endpoint"] = "https://lang-test.cognitiveservices.azure.com/" });

        Assert.IsType<Escalation.Functions.Language.AzureLanguageSentimentReader>(host.Services.GetRequiredService<ConfiguredSignalReader>().Reader);
    }

    [Fact]
    public void Build_WithoutALanguageEndpoint_AddsNoReader()
    {
        using var host = BuildHost(new() { ["Escalation:Language:Endpoint"] = "" });

        Assert.Null(host.Services.GetRequiredService<ConfiguredSignalReader>().Reader);
    }

    [Fact]
    public void FunctionClasses_AreFound()
    {
        Assert.Contains(typeof(CaseActivityFunctions), Types());
    }

    [Theory]
    [MemberData(nameof(FunctionClasses))]
    public void Build_WithTheExampleSettings_ResolvesEveryFunctionClass(Type functionClass)
    {
        using var host = BuildHost();
        using var scope = host.Services.CreateScope();

        var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, functionClass);

        Assert.IsType(functionClass, instance);
    }

    [Theory]
    [InlineData("Escalation:Language:Endpoint", "language.example.com", "Escalation:Language:Endpoint must be an absolute http(s) URL (got 'language.example.com').")]
    [InlineData("Escalation:Actions:WebhookUrl", "billing", "Escalation:Actions:WebhookUrl must be an absolute http(s) URL (got 'billing').")]
    public void ValidateSettings_ABadSetting_FailsNamingTheSetting(string key, string value, string message)
    {
        using var host = BuildHost(new() { [key] = value });

        // What the host runs as it starts (its worker needs the Functions host to go further).
        var ex = Assert.Throws<OptionsValidationException>(host.Services.ValidateSettings);

        Assert.Contains(message, ex.Failures);
    }
}
