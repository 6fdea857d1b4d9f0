using Escalation.Core.Knowledge;
using Escalation.Infrastructure.Workspace;

namespace Escalation.Infrastructure.Tests.Workspace;

/// <summary>Issue 25: the tone guide's per-language reply templates are loaded whole or not at all.</summary>
public sealed class ReplyLanguageLoaderTests
{
    private static readonly string SampleToneGuide = File.ReadAllText(Path.Combine(SampleWorkspaceTests.RepoRoot(), "samples", "workspace", "tone-guide.yaml"));

    private static Core.Knowledge.Workspace Load(string toneGuide)
    {
        var files = MinimalWorkspace.Files();
        files["tone-guide.yaml"] = toneGuide;
        return WorkspaceLoader.Load(MinimalWorkspace.AsFiles(files));
    }

    [Fact]
    public void Load_SampleToneGuide_EverySixLanguagesComplete()
    {
        var guide = Load(SampleToneGuide).ToneGuide;

        Assert.Equal(["de", "es", "fr", "it", "nl", "pt"], guide.Languages.Keys.Order(StringComparer.Ordinal));
        foreach (var language in guide.Languages.Values)
        {
            Assert.Equal(ReplyKeys.Templates.Count + ReplyKeys.OptionalTemplates.Count, language.Templates.Count);
            Assert.Equal(12, language.Months.Count);
            Assert.Equal(7, language.Weekdays.Count);
            Assert.Equal(CustomerTones.All.Count, language.Openings.Count);
            Assert.All(ReplyKeys.Markers, k => Assert.NotEmpty(language.Markers[k]));
            Assert.False(string.IsNullOrWhiteSpace(language.AiDisclosure));
        }

        Assert.Equal(" de {amount}", guide.Languages["es"].Templates["ack.amount"]);
        Assert.True(guide.CanReplyIn("de"));
        Assert.False(guide.CanReplyIn("pl"));
    }

    [Fact]
    public void Load_LanguageMissingATemplate_NamesTheKey()
    {
        var broken = SampleToneGuide.Replace("      refund.done: \"Ich habe Ihnen {amount} auf Ihr ursprüngliches Zahlungsmittel erstattet.\"\n", "", StringComparison.Ordinal);
        Assert.NotEqual(SampleToneGuide, broken);

        var e = Assert.Throws<WorkspaceValidationException>(() => Load(broken));

        Assert.Contains("languages.de.templates.refund.done", e.Message, StringComparison.Ordinal);
        Assert.Contains("every sentence the composer writes needs a template", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LanguageWithElevenMonths_IsRejected()
    {
        var broken = SampleToneGuide.Replace("months: [enero, febrero, marzo,", "months: [enero, marzo,", StringComparison.Ordinal);

        var e = Assert.Throws<WorkspaceValidationException>(() => Load(broken));

        Assert.Contains("lists 11 months", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownTemplateKeyOrLanguageCode_IsRejected()
    {
        var typo = SampleToneGuide.Replace("      refund.within: \"Lo recibirá", "      refund.whithin: \"Lo recibirá", StringComparison.Ordinal);
        var code = SampleToneGuide.Replace("\n  nl:\n", "\n  dutch:\n", StringComparison.Ordinal);

        Assert.Contains("refund.whithin", Assert.Throws<WorkspaceValidationException>(() => Load(typo)).Message, StringComparison.Ordinal);
        Assert.Contains("'dutch' is not an ISO 639-1 language code", Assert.Throws<WorkspaceValidationException>(() => Load(code)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LanguageWithoutTheCancellationSentences_LoadsAndCannotSayACancellation()
    {
        var older = string.Join("\n", SampleToneGuide.Split('\n').Where(l => !(l.Contains("cancel.", StringComparison.Ordinal) && !l.Contains("ack.cancel", StringComparison.Ordinal))));

        var guide = Load(older).ToneGuide;

        Assert.False(guide.CanSay("it", "cancel.done"));
        Assert.True(guide.CanSay("en", "cancel.done"));
    }

    [Fact]
    public void Load_LanguageWithoutAChecklistMarker_IsRejected()
    {
        var broken = SampleToneGuide.Replace("      timeline: [entro, prossima fattura, prossimo estratto, nostre notizie, resterà attivo fino]\n", "", StringComparison.Ordinal);

        var e = Assert.Throws<WorkspaceValidationException>(() => Load(broken));

        Assert.Contains("languages.it.markers.timeline", e.Message, StringComparison.Ordinal);
    }
}
