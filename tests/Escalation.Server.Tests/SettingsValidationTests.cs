namespace Escalation.Server.Tests;

/// <summary>A wrong setting stops the server before it serves anything, naming the setting.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Escalation__PublicBaseUrl", "reviews.example.com", "Escalation:PublicBaseUrl must be an absolute http(s) URL (got 'reviews.example.com').")]
    [InlineData("Escalation__Storage__Provider", "s3", "Escalation:Storage:Provider must be 'file' or 'azure' (got 's3').")]
    [InlineData("Escalation__Email__Mode", "pigeon", "Escalation:Email:Mode must be 'outbox' or 'smtp' (got 'pigeon').")]
    [InlineData("Escalation__Callbacks__AllowedHosts", "help desk!", "Escalation:Callbacks:AllowedHosts: \"help desk!\" is neither a host name")]
    [InlineData("Escalation__Actions__MaxRetries", "0", "Escalation:Actions:MaxRetries must be 1 to 10 (got '0').")]
    [InlineData("Escalation__Submissions__DateRangeYears", "5000", "Escalation:Submissions:DateRangeYears must be a whole number of years from 1 to 1000 (got '5000').")]
    [InlineData("Escalation__Drafting__Provider", "gemini", "Escalation:Drafting:Provider 'gemini' is not one of composer, openai, azure-openai")]
    public async Task Start_BadSettingInASection_StopsWithTheSettingNamed(string key, string value, string message)
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(settings: new Dictionary<string, string> { [key] = value }));

        Assert.Contains("The service cannot start:\n  " + message, ex.Message.ReplaceLineEndings("\n"));
    }
}
