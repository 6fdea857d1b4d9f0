using System.Text.Json;
using Escalation.Cli;

namespace Escalation.Cli.Tests;

public class SignalsCommandTests
{
    private static async Task<(int Code, string[] Out, string Err)> Run(string input, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["signals", .. args], new StringReader(input), stdout, stderr);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (code, lines, stderr.ToString());
    }

    [Fact]
    public async Task Signals_JsonLines_WritesOneLinePerInputWithRequiredFields()
    {
        var (code, lines, err) = await Run("""
            {"id":"a","text":"Thanks, that worked perfectly!"}
            {"id":"b","text":"The site is down and I will sue you, you idiots!!!"}
            """);
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Equal(2, lines.Length);
        using var b = JsonDocument.Parse(lines[1]);
        var r = b.RootElement;
        Assert.Equal("b", r.GetProperty("id").GetString());
        foreach (var field in new[] { "sentiment", "intensity", "complaintScore" })
        {
            Assert.Equal(JsonValueKind.Number, r.GetProperty(field).ValueKind);
        }

        Assert.True(r.GetProperty("negative").GetBoolean());
        Assert.True(r.GetProperty("legal").GetBoolean());
        Assert.True(r.GetProperty("abusive").GetBoolean());
        Assert.Equal("lawsuit", r.GetProperty("legalKinds")[0].GetString());
        Assert.Equal("P0", r.GetProperty("priority").GetString());
        using var a = JsonDocument.Parse(lines[0]);
        Assert.False(a.RootElement.GetProperty("negative").GetBoolean());
        Assert.False(a.RootElement.GetProperty("complaint").GetBoolean());
    }

    [Fact]
    public async Task Signals_MalformedLine_ReportedWithLineNumberAndRunContinues()
    {
        var (code, lines, err) = await Run("""
            {"id":"1","text":"fine"}
            {"id":"2","text": oops
            {"id":"3"}
            {"id":"4","text":"my order is late again"}
            """);
        Assert.Equal(1, code);
        Assert.Equal(2, lines.Length);
        Assert.Contains("line 2:", err);
        Assert.Contains("line 3:", err);
        Assert.DoesNotContain("line 4", err);
        Assert.Contains("\"id\":\"4\"", lines[1]);
    }

    [Fact]
    public async Task Signals_InputFile_ReadsTheFile()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, "{\"id\":7,\"text\":\"I want to speak to a manager\"}\n");
            var (code, lines, _) = await Run("", "--input", path);
            Assert.Equal(0, code);
            var line = Assert.Single(lines);
            Assert.Contains("\"id\":\"7\"", line);
            Assert.Contains("\"managerRequest\":true", line);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Signals_MissingInputFile_FailsWithMessage()
    {
        var (code, _, err) = await Run("", "--input", "/nonexistent/file.jsonl");
        Assert.Equal(2, code);
        Assert.Contains("not found", err);
    }

    [Fact]
    public async Task Signals_ManyLines_AllAnswered()
    {
        var input = string.Concat(Enumerable.Range(0, 5000).Select(i => $"{{\"id\":\"{i}\",\"text\":\"ticket {i} is broken\"}}\n"));
        var (code, lines, _) = await Run(input);
        Assert.Equal(0, code);
        Assert.Equal(5000, lines.Length);
        Assert.Contains("\"id\":\"4999\"", lines[^1]);
    }
}
