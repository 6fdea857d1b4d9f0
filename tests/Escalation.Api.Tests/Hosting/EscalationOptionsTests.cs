using Escalation.Api.Hosting;
using Escalation.Infrastructure.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Escalation.Api.Tests.Hosting;

public sealed class EscalationOptionsTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLogging()
            .AddEscalation(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    [Theory]
    [InlineData("Escalation:PublicBaseUrl", "reviews.example.com", "Escalation:PublicBaseUrl must be an absolute http(s) URL")]
    [InlineData("Escalation:LinkSigningKey", "too-short", "Escalation:LinkSigningKey is 9 bytes; it must be at least 32 bytes")]
    [InlineData("Escalation:ClockStart", "yesterday", "Escalation:ClockStart must be an ISO 8601 instant")]
    [InlineData("Escalation:Storage:Provider", "s3", "Escalation:Storage:Provider must be 'file' or 'azure' (got 's3')")]
    [InlineData("Escalation:Storage:BlobServiceUri", "blobs", "Escalation:Storage:BlobServiceUri must be an absolute URL")]
    [InlineData("Escalation:Email:Mode", "pigeon", "Escalation:Email:Mode must be 'outbox' or 'smtp'")]
    [InlineData("Escalation:Callbacks:AllowedHosts", "help desk!", "Escalation:Callbacks:AllowedHosts: \"help desk!\" is neither")]
    [InlineData("Escalation:Callbacks:SigningKey", "base64:%%%", "Escalation:Callbacks:SigningKey starts with 'base64:' but the rest is not base64")]
    [InlineData("Escalation:Actions:WebhookUrl", "ftp://billing.example.com", "Escalation:Actions:WebhookUrl must be an absolute http(s) URL")]
    [InlineData("Escalation:Actions:MaxRetries", "11", "Escalation:Actions:MaxRetries must be 1 to 10")]
    [InlineData("Escalation:Submissions:DateRangeYears", "0", "Escalation:Submissions:DateRangeYears must be a whole number of years from 1 to 1000")]
    [InlineData("Escalation:Drafting:Provider", "gemini", "Escalation:Drafting:Provider 'gemini' is not one of composer, openai, azure-openai")]
    [InlineData("Escalation:Drafting:TimeoutSeconds", "-1", "Escalation:Drafting:TimeoutSeconds must be a non-negative number")]
    public void ValidateSettings_OneBadValue_FailsNamingTheSetting(string key, string value, string message)
    {
        using var services = Services(new() { [key] = value });

        var ex = Assert.Throws<OptionsValidationException>(services.ValidateSettings);

        Assert.Contains(ex.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateSettings_SmtpModeWithoutHostAndABadPort_ListsBoth()
    {
        using var services = Services(new() { ["Escalation:Email:Mode"] = "smtp", ["Escalation:Email:Smtp:Port"] = "70000", ["Escalation:Email:Smtp:Tls"] = "tls13" });

        var ex = Assert.Throws<OptionsValidationException>(services.ValidateSettings);

        Assert.Equal(
            ["Escalation:Email:Mode is 'smtp' but Escalation:Email:Smtp:Host is empty.",
             "Escalation:Email:Smtp:Port must be 1 to 65535 (got '70000').",
             "Escalation:Email:Smtp:Tls must be one of None, StartTls, Ssl (got 'tls13')."],
            ex.Failures);
    }

    [Fact]
    public void ValidateSettings_BadValuesInTwoSections_ListsEveryOneAtOnce()
    {
        using var services = Services(new() { ["Escalation:Storage:Provider"] = "s3", ["Escalation:Actions:MaxRetries"] = "0" });

        var ex = Assert.Throws<OptionsValidationException>(services.ValidateSettings);

        Assert.Contains(ex.Failures, f => f.Contains("Escalation:Storage:Provider", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Escalation:Actions:MaxRetries", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateSettings_AWordWhereANumberGoes_NamesTheSetting()
    {
        using var services = Services(new() { ["Escalation:Actions:MaxRetries"] = "three" });

        var ex = Assert.Throws<InvalidOperationException>(services.ValidateSettings);

        Assert.Contains("Escalation:Actions:MaxRetries", ex.Message);
    }

    [Fact]
    public void ValidateSettings_AzureWithoutAnAccount_SaysWhatIsMissing()
    {
        using var services = Services(new() { ["Escalation:Storage:Provider"] = "Azure", ["Escalation:Storage:BlobServiceUri"] = "https://acct.blob.core.windows.net" });

        var ex = Assert.Throws<OptionsValidationException>(services.ValidateSettings);

        Assert.Contains("neither Escalation:Storage:ConnectionString nor the Blob/Queue/TableServiceUri settings (or AccountName) are set", Assert.Single(ex.Failures));
    }

    [Fact]
    public void Settings_EmptyValuesAsInAnEnvironmentFile_AreTheDefaults()
    {
        string[] keys =
        [
            "DataDirectory", "PublicBaseUrl", "ApiKey", "LinkSigningKey", "ClockStart", "Storage:Provider", "Email:Mode", "Email:Smtp:Host",
            "Email:Smtp:Port", "Email:From", "Email:Reviewers", "Callbacks:SigningKey", "Callbacks:AllowedHosts", "Actions:WebhookUrl",
            "Actions:MaxRetries", "Submissions:DateRangeYears", "Drafting:Endpoint", "Drafting:Model", "Drafting:TimeoutSeconds", "Drafting:ReadTickets",
        ];
        using var services = Services(keys.ToDictionary(k => "Escalation:" + k, _ => (string?)""));

        services.ValidateSettings();
        var settings = services.GetRequiredService<EscalationSettings>();

        Assert.Equal("file", settings.StorageProvider);
        Assert.Equal("http://localhost:7071", settings.CaseService.PublicBaseUrl);
        Assert.Equal(["reviewer@example.com"], settings.CaseService.Reviewers);
        Assert.Null(settings.Smtp);
        Assert.Null(settings.ActionsWebhookUrl);
        Assert.Equal(3, settings.ActionsMaxRetries);
        Assert.Equal(30, settings.Submissions.DateRangeYears);
        Assert.Null(settings.LinkSigningKey);
        Assert.Equal(30, services.GetRequiredService<IOptions<Infrastructure.Drafting.DraftingOptions>>().Value.TimeoutSeconds);
    }

    [Fact]
    public void DraftingOptions_ProviderInAnyCaseWithSpaces_IsReadAsTheProvider()
    {
        using var services = Services(new() { ["Escalation:Drafting:Provider"] = " OpenAI ", ["Escalation:Drafting:Model"] = " llama " });

        services.ValidateSettings();
        var drafting = services.GetRequiredService<IOptions<Infrastructure.Drafting.DraftingOptions>>().Value;

        Assert.Equal(("openai", "llama"), (drafting.Provider, drafting.Model));
    }

    [Fact]
    public void Settings_SetValues_ReachTheServiceAsConfigured()
    {
        using var services = Services(new()
        {
            ["Escalation:Email:Mode"] = "SMTP", ["Escalation:Email:Smtp:Host"] = "mail.example.com", ["Escalation:Email:Smtp:Tls"] = "ssl",
            ["Escalation:Email:Smtp:Port"] = "465", ["Escalation:Email:From"] = "Desk <desk@example.com>",
            ["Escalation:Email:SeniorReviewers"] = "a@example.com; b@example.com",
            ["Escalation:Actions:WebhookUrl"] = "https://billing.example.com/actions", ["Escalation:Actions:MaxRetries"] = "5",
            ["Escalation:Submissions:DateRangeYears"] = "2",
        });

        services.ValidateSettings();
        var settings = services.GetRequiredService<EscalationSettings>();

        Assert.Equal(new SmtpSettings { Host = "mail.example.com", Port = 465, Tls = SmtpTlsMode.Ssl, From = "Desk <desk@example.com>" }, settings.Smtp);
        Assert.Equal(["a@example.com", "b@example.com"], settings.CaseService.SeniorReviewers);
        Assert.Equal(new Uri("https://billing.example.com/actions"), settings.ActionsWebhookUrl);
        Assert.Equal(5, settings.ActionsMaxRetries);
        Assert.Equal(2, settings.Submissions.DateRangeYears);
    }
}
