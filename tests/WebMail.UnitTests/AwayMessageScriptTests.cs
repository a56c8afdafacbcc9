using WebMail.Client.Services;
using WebMail.Server.Mail.Sieve;

namespace WebMail.UnitTests;

public sealed class AwayMessageScriptTests
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
        var read = AwayMessageScript.Read(AwayMessageScript.Write(Conference));

        Assert.NotNull(read);
        Assert.Equal(Conference with { Addresses = [] }, read! with { Addresses = [] });
        Assert.Equal(Conference.Addresses, read.Addresses);
    }

    [Fact]
    public void Write_QuotesAndBackslashesEscaped_LinesAsCrLf_DatesAndListsGuarded()
    {
        var script = AwayMessageScript.Write(Conference);

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
        var script = AwayMessageScript.Write(Conference with { Enabled = false }, keepRunning: "roundcube");

        Assert.DoesNotContain("vacation :days", script, StringComparison.Ordinal);
        Assert.Contains("require [\"include\"];", script, StringComparison.Ordinal);
        Assert.Contains("include :personal \"roundcube\";", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AScriptWebMailDidNotWrite_IsNotOne()
    {
        Assert.Null(AwayMessageScript.Read("require [\"vacation\"];\r\nvacation \"away\";\r\n"));
    }
}
