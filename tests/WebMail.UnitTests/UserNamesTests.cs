using WebMail.Server.Auth;

namespace WebMail.UnitTests;

public sealed class UserNamesTests
{
    [Theory]
    [InlineData("alice", "alice@school.test")]
    [InlineData("  2024010123 ", "2024010123@school.test")]
    [InlineData("Alice@School.Test", "alice@school.test")]
    [InlineData("bob@other.edu.cn", "bob@other.edu.cn")]
    [InlineData("", null)]
    [InlineData("a b", null)]
    [InlineData("@school.test", null)]
    [InlineData("alice@", null)]
    [InlineData("a@b@c", null)]
    [InlineData("alice\r\nRCPT TO:<x@y>", null)]
    public void ToAddress_WhatUsersType_BecomesAnAddressOrNothing(string typed, string? expected) =>
        Assert.Equal(expected, UserNames.ToAddress(typed, "school.test"));
}
