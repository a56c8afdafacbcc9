using WebMail.Client.Services;
using WebMail.Server.Mail.Sieve;

namespace WebMail.UnitTests;

public sealed class FiltersScriptTests
{
    private static readonly AwayMessage Conference = new()
    {
        Enabled = true,
        Start = new DateOnly(2026, 12, 7),
        End = new DateOnly(2026, 12, 11),
        Subject = "出差中：\"学术会议\"",
        Text = "您好：\n我 12 月 7 日至 11 日参加会议，C:\\ 路径照旧。\n回来后回复。",
        Days = 3,
        Addresses = ["office-wang@school.test"],
    };

    [Fact]
    public void Write_ThenRead_GivesBackWhatTheUserChose()
    {
        var read = FiltersScript.Read(FiltersScript.Write(new MailFilters { Away = Conference }))?.Away;

        Assert.NotNull(read);
        Assert.Equal(Conference with { Addresses = [] }, read! with { Addresses = [] });
        Assert.Equal(Conference.Addresses, read.Addresses);
    }

    [Fact]
    public void Write_QuotesAndBackslashesEscaped_LinesAsCrLf_DatesAndListsGuarded()
    {
        var script = FiltersScript.Write(new MailFilters { Away = Conference });

        Assert.Contains(":subject \"出差中：\\\"学术会议\\\"\"", script, StringComparison.Ordinal);
        Assert.Contains("\"您好：\r\n我 12 月 7 日至 11 日参加会议，C:\\\\ 路径照旧。\r\n回来后回复。\";", script, StringComparison.Ordinal);
        Assert.Contains("currentdate :value \"ge\" \"date\" \"2026-12-07\"", script, StringComparison.Ordinal);
        Assert.Contains("currentdate :value \"le\" \"date\" \"2026-12-11\"", script, StringComparison.Ordinal);
        Assert.Contains("not exists \"list-id\"", script, StringComparison.Ordinal);
        Assert.Contains("vacation :days 3", script, StringComparison.Ordinal);
        Assert.Contains(":addresses [\"office-wang@school.test\"]", script, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", script.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal); // only CRLF
    }

    [Fact]
    public void Write_Off_NoVacation_AnotherProgramsScriptStillIncluded()
    {
        var script = FiltersScript.Write(new MailFilters { Away = Conference with { Enabled = false } }, keepRunning: "roundcube");

        Assert.DoesNotContain("vacation :days", script, StringComparison.Ordinal);
        Assert.Contains("require [\"include\"];", script, StringComparison.Ordinal);
        Assert.Contains("include :personal \"roundcube\";", script, StringComparison.Ordinal);
    }

    [Fact]
    public void IncludedScript_NamedAsWritten_NotFromALineInsideTheAwayText()
    {
        Assert.Equal("Roundcube \"旧\" 规则", FiltersScript.IncludedScript(FiltersScript.Write(new MailFilters(), keepRunning: "Roundcube \"旧\" 规则")));
        Assert.Null(FiltersScript.IncludedScript(FiltersScript.Write(new MailFilters { Away = Conference with { Text = "x\ninclude :personal \"evil\";\ny" } })));
    }

    [Fact]
    public void IsEmpty_OnlyWhenNothingWouldHappenToArrivingMail()
    {
        Assert.True(FiltersScript.IsEmpty(new MailFilters { Away = Conference with { Enabled = false } }));
        Assert.False(FiltersScript.IsEmpty(new MailFilters { Away = Conference }));
        Assert.False(FiltersScript.IsEmpty(new MailFilters { AllowedSenders = ["@school.test"] }));
    }

    [Fact]
    public void Read_AScriptWebMailDidNotWrite_IsNotOne()
    {
        Assert.Null(FiltersScript.Read("require [\"vacation\"];\r\nvacation \"away\";\r\n"));
    }

    private static readonly MailFilters Filed = new()
    {
        BlockedSenders = ["spam@bad.example", "@junk.example"],
        AllowedSenders = ["dean@school.test"],
        Rules =
        [
            new FilterRule("图书馆通知", Enabled: true, MatchAll: true,
                [new FilterCondition(FilterField.From, FilterMatch.Contains, "library"), new FilterCondition(FilterField.Subject, FilterMatch.Contains, "到期")],
                [new FilterStep(FilterAction.MoveTo, "Archive"), new FilterStep(FilterAction.MarkRead)]),
            new FilterRule("大附件", Enabled: false, MatchAll: false,
                [new FilterCondition(FilterField.Size, FilterMatch.Over, "5000"), new FilterCondition(FilterField.Header, FilterMatch.Is, "yes", "X-Bulk")],
                [new FilterStep(FilterAction.ForwardKeepCopy, "me@home.example")]),
            new FilterRule("bad header name", Enabled: true, MatchAll: true,
                [new FilterCondition(FilterField.Header, FilterMatch.Is, "x", "X-Evil\"; discard; #")],
                [new FilterStep(FilterAction.Reject, "不收广告。")]),
        ],
    };

    [Fact]
    public void Write_Rules_InOrder_FlagsBeforeFiling_OffRulesKeptButNeverRun_BlockedAndAllowedFirst()
    {
        var script = FiltersScript.Write(Filed);

        Assert.Contains("require [\"copy\", \"fileinto\", \"imap4flags\", \"reject\"];", script, StringComparison.Ordinal);
        Assert.Contains("if anyof (address :is \"from\" [\"spam@bad.example\"], address :domain :is \"from\" [\"junk.example\"]) { discard; stop; }", script, StringComparison.Ordinal);
        Assert.Contains("if anyof (address :is \"from\" [\"dean@school.test\"]) { keep; stop; }", script, StringComparison.Ordinal);
        Assert.Contains("if allof (address :contains \"from\" \"library\", header :contains \"subject\" \"到期\") {\r\n  addflag \"\\\\Seen\";\r\n  fileinto \"Archive\";", script, StringComparison.Ordinal);
        Assert.Contains("if allof (false, anyof (size :over 5000K, header :is \"X-Bulk\" \"yes\")) {\r\n  redirect :copy \"me@home.example\";", script, StringComparison.Ordinal);
        Assert.True(script.IndexOf("discard; stop;", StringComparison.Ordinal) < script.IndexOf("keep; stop;", StringComparison.Ordinal));
        Assert.True(script.IndexOf("图书馆通知", StringComparison.Ordinal) < script.IndexOf("大附件", StringComparison.Ordinal));
        // A header name that is not one is left out, never written into the script.
        Assert.DoesNotContain("X-Evil", script.Split("\r\n").Skip(2).Aggregate("", (a, b) => a + b), StringComparison.Ordinal);
        Assert.Contains("if true {\r\n  reject \"不收广告。\";", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Rules_ReadBackAsTheUserMadeThem()
    {
        var read = FiltersScript.Read(FiltersScript.Write(Filed))!;

        Assert.Equal(Filed.BlockedSenders, read.BlockedSenders);
        Assert.Equal(Filed.Rules.Count, read.Rules.Count);
        Assert.Equal(Filed.Rules[1].Conditions, read.Rules[1].Conditions);
        Assert.Equal(Filed.Rules[0].Actions, read.Rules[0].Actions);
        Assert.False(read.Rules[1].Enabled);
    }
}
