using WebMail.Client.Services;
using WebMail.Server.UserData;

namespace WebMail.UnitTests;

/// <summary>What the settings store keeps, whatever the page (or a hand-made circuit message) sends (issue 19).</summary>
public sealed class UserSettingsRulesTests
{
    [Fact]
    public void Clean_DisplayNameWithLineBreaksAndSpaces_OneTrimmedLine()
    {
        var clean = UserSettingsRules.Clean(new UserSettings { DisplayName = "  张伟\r\n  (计算机学院)\t " });

        Assert.Equal("张伟 (计算机学院)", clean.DisplayName);
    }

    [Fact]
    public void Clean_LongDisplayName_CutToTheLimit()
    {
        var clean = UserSettingsRules.Clean(new UserSettings { DisplayName = new string('张', 300) });

        Assert.Equal(UserSettings.MaxDisplayNameLength, clean.DisplayName.Length);
    }

    [Fact]
    public void Clean_SignatureTypedWithItsOwnSeparator_KeptWithout()
    {
        var clean = UserSettingsRules.Clean(new UserSettings { Signatures = [new Signature("s1", "mine", "-- \r\n张伟\r\n电话 123\r\n\r\n")] });

        Assert.Equal("张伟\n电话 123", Assert.Single(clean.Signatures).Text);
    }

    [Fact]
    public void Clean_EmptySignaturesDroppedAndTooManyCut_DefaultOnlyAmongThoseKept()
    {
        var many = Enumerable.Range(0, 15).Select(i => new Signature($"s{i}", $"n{i}", i == 3 ? "  " : $"text {i}")).ToList();

        var clean = UserSettingsRules.Clean(new UserSettings { Signatures = many, DefaultSignatureId = "s3" });

        Assert.Equal(UserSettings.MaxSignatures, clean.Signatures.Count);
        Assert.DoesNotContain(clean.Signatures, s => s.Id == "s3");
        Assert.Null(clean.DefaultSignatureId);
    }

    [Theory]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("en", "en")]
    [InlineData("fr", null)]
    [InlineData("<script>", null)]
    public void Clean_Language_OnlyOnesTheWebmailHas(string asked, string? kept)
    {
        Assert.Equal(kept, UserSettingsRules.Clean(new UserSettings { Language = asked }).Language);
    }

    [Fact]
    public void Clean_SignatureIdNotPlain_GetsANewOne()
    {
        var clean = UserSettingsRules.Clean(new UserSettings { Signatures = [new Signature("\"><img>", "", "x")] });

        var signature = Assert.Single(clean.Signatures);
        Assert.All(signature.Id, c => Assert.True(char.IsAsciiLetterOrDigit(c)));
        Assert.Equal("#1", signature.Name);
    }

    [Fact]
    public void Clean_Templates_NamedOnesKeptWithTheirTextBounded()
    {
        var clean = UserSettingsRules.Clean(new UserSettings
        {
            Templates =
            [
                new MessageTemplate("t1", "周会通知", "class@school.test\r\nBcc: x@evil.test", "周会", "各位同学：\r\n周一开会。" + new string('字', 30_000)),
                new MessageTemplate("t2", "  ", "", "", "no name"),
            ],
        });

        var template = Assert.Single(clean.Templates);
        Assert.Equal(("周会通知", "class@school.test Bcc: x@evil.test"), (template.Name, template.To));
        Assert.StartsWith("各位同学：\n周一开会。", template.Body, StringComparison.Ordinal);
        Assert.Equal(UserSettings.MaxTemplateLength, template.Body.Length);
    }

    [Fact]
    public void Clean_FormattedSignature_CleanedAsMailAndWriteRichKept()
    {
        var clean = UserSettingsRules.Clean(new UserSettings
        {
            WriteRich = true,
            Signatures = [new Signature("s1", "mine", "张伟", "<b onclick=\"x()\">张伟</b><script>alert(1)</script><a href=\"javascript:x()\">link</a>")],
        });

        var signature = Assert.Single(clean.Signatures);
        Assert.Contains("<b>张伟</b>", signature.Html);
        Assert.DoesNotContain("script", signature.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", signature.Html, StringComparison.Ordinal);
        Assert.True(clean.WriteRich);
    }

    [Fact]
    public void Clean_FormattedSignatureTooLong_OnlyItsTextKept()
    {
        var clean = UserSettingsRules.Clean(new UserSettings { Signatures = [new Signature("s1", "mine", "张伟", "<b>" + new string('长', Signature.MaxHtmlLength) + "</b>")] });

        Assert.Null(Assert.Single(clean.Signatures).Html);
        Assert.Equal("张伟", clean.Signatures[0].Text);
    }
}
