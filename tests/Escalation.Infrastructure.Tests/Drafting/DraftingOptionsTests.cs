using Escalation.Core.Sensitive;
using Escalation.Infrastructure.Drafting;

namespace Escalation.Infrastructure.Tests.Drafting;

public sealed class DraftingOptionsTests
{
    private static DraftingOptions Read(Dictionary<string, string> settings) =>
        DraftingOptions.From(key => settings.GetValueOrDefault(key));

    [Fact]
    public void CreateDraftWriter_NoSettings_IsTheComposer()
    {
        var options = Read([]);

        Assert.Null(DraftingSetup.CreateDraftingService(options));
        Assert.IsType<ComposerDraftWriter>(DraftingSetup.CreateDraftWriter(options));
    }

    [Fact]
    public void CreateDraftWriter_OpenAiSettings_IsTheGuardedChatWriter()
    {
        var options = Read(new() { ["Provider"] = "OpenAI", ["Endpoint"] = "http://127.0.0.1:8080/v1", ["Model"] = "llama", ["TimeoutSeconds"] = "12" });

        Assert.Equal(12, options.TimeoutSeconds);
        Assert.IsType<GuardedDraftWriter>(DraftingSetup.CreateDraftWriter(options));
        Assert.Equal("llama", DraftingSetup.CreateDraftingService(options)!.ModelName);
    }

    [Theory]
    [InlineData("gemini", "", "m", "Provider 'gemini' is not one of composer, openai, azure-openai")]
    [InlineData("openai", "", "", "Escalation:Drafting:Model is required")]
    [InlineData("azure-openai", "", "drafts", "Escalation:Drafting:Endpoint is required")]
    [InlineData("openai", "ftp://host", "m", "is not an http(s) URL")]
    public void CreateChatModel_BadSettings_NamesTheSettingAtFault(string provider, string endpoint, string model, string message)
    {
        var options = Read(new() { ["Provider"] = provider, ["Endpoint"] = endpoint, ["Model"] = model });

        var e = Assert.Throws<DraftingConfigurationException>(() => DraftingSetup.CreateChatModel(options));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void From_NonNumericTimeout_IsRejected()
    {
        var e = Assert.Throws<DraftingConfigurationException>(() => Read(new() { ["TimeoutSeconds"] = "soon" }));
        Assert.Contains("Escalation:Drafting:TimeoutSeconds", e.Message);
    }

    [Fact]
    public void SamplePromptTemplate_ParsesAndRendersEveryPlaceholder()
    {
        var workspace = ChatStub.StubWorkspace();
        var template = ChatPromptTemplate.Parse(ChatPromptTemplate.WorkspacePath, workspace.Documents[ChatPromptTemplate.WorkspacePath]);

        var prompt = ChatPromptBuilder.Build(template, ChatStub.RefundCase(), workspace);

        Assert.DoesNotContain("{{", string.Concat(prompt.Messages.Select(m => m.Text)));
        Assert.Contains("{{violations}}", template.Revision);
    }
}
