using System.Security.Cryptography;
using Escalation.Core.Privacy;

namespace Escalation.Core.Tests.Privacy;

public sealed class SealedTextTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    [Theory]
    [InlineData("Mi hija Lucía usa la cuenta; escríbanme a ines@example.com")]
    [InlineData("")]
    [InlineData("😡 Ich verklage Sie!")]
    public void Open_WhatWasSealed_GivesTheTextBack(string text)
    {
        var sealedText = SealedText.Seal(Key, "trace", text);

        Assert.True(SealedText.IsSealed(sealedText));
        Assert.Equal(text, SealedText.Open(Key, "trace", sealedText));
    }

    [Fact]
    public void Seal_SameTextTwice_GivesTheSameBytesSoARetriedWriteIsTheSameRecord()
    {
        Assert.Equal(SealedText.Seal(Key, "trace", "my lawyer"), SealedText.Seal(Key, "trace", "my lawyer"));
        Assert.NotEqual(SealedText.Seal(Key, "trace", "my lawyer"), SealedText.Seal(Key, "trace", "my lawyers"));
    }

    [Fact]
    public void Seal_DoesNotShowTheText()
    {
        var sealedText = SealedText.Seal(Key, "trace", "ines.ortega@example.com");

        Assert.DoesNotContain("ines", sealedText);
        Assert.DoesNotContain("example", sealedText);
    }

    [Fact]
    public void Open_WithoutTheKey_IsNull()
    {
        var sealedText = SealedText.Seal(Key, "trace", "my lawyer");

        Assert.Null(SealedText.Open(null, "trace", sealedText));
        Assert.Null(SealedText.Open(RandomNumberGenerator.GetBytes(32), "trace", sealedText));
    }

    [Fact]
    public void Open_MovedToAnotherContextOrAltered_IsNull()
    {
        var sealedText = SealedText.Seal(Key, "artifact:decision", "refund €49");
        var altered = sealedText[..^3] + (sealedText[^3] == 'A' ? 'B' : 'A') + sealedText[^2..];

        Assert.Null(SealedText.Open(Key, "artifact:submission", sealedText));
        Assert.Null(SealedText.Open(Key, "artifact:decision", altered));
        Assert.Null(SealedText.Open(Key, "artifact:decision", SealedText.Prefix + "not base64!"));
    }

    [Fact]
    public void Open_TextStoredBeforeSealing_IsReadAsItIs()
    {
        Assert.Equal("{\"route\":\"escalate\"}", SealedText.Open(null, "artifact:decision", "{\"route\":\"escalate\"}"));
    }
}
