using WebMail.Server.Mail.Contacts;

namespace WebMail.UnitTests;

public sealed class NameMatchTests
{
    [Theory]
    [InlineData("张伟", "张", NameMatch.Literal)]
    [InlineData("张伟", "张伟", NameMatch.Literal)]
    [InlineData("张伟", "zhangwei", NameMatch.FromStart)]
    [InlineData("张伟", "Zhang Wei", NameMatch.FromStart)]
    [InlineData("张伟", "zw", NameMatch.FromStart)]
    [InlineData("张伟", "zhw", NameMatch.FromStart)]
    [InlineData("张伟", "zhangw", NameMatch.FromStart)]
    [InlineData("张伟", "zhang", NameMatch.FromStart)]
    [InlineData("张伟", "wei", NameMatch.Inside)]
    [InlineData("张伟", "伟", NameMatch.Inside)]
    [InlineData("欧阳娜娜", "oynn", NameMatch.FromStart)]
    [InlineData("單雄信", "shanxiongxin", NameMatch.FromStart)] // a surname's own reading, in traditional script
    [InlineData("曾国藩", "zgf", NameMatch.FromStart)]
    [InlineData("曾国藩", "zengguofan", NameMatch.FromStart)]
    [InlineData("吕布", "lvbu", NameMatch.FromStart)]
    [InlineData("方璐诗", "wal", NameMatch.FromStartByRareReading)] // 方 is "wang" only in old texts: below 王爱丽 for "wal"
    [InlineData("王爱丽", "wal", NameMatch.FromStart)]
    [InlineData("曾经", "cj", NameMatch.FromStart)] // not a name's first character read as a surname only
    [InlineData("Wei Zhang", "zh", NameMatch.Inside)]
    [InlineData("Wei Zhang", "wei", NameMatch.Literal)]
    [InlineData("Wei Zhang", "weizhang", NameMatch.Literal)]
    [InlineData("软件工程2班", "rjgc2", NameMatch.FromStart)]
    public void Name_TypedAsPeopleDo_Found(string name, string typed, int expected) =>
        Assert.Equal(expected, NameMatch.Name(new MatchableText(name), NameMatch.Normalize(typed)));

    [Theory]
    [InlineData("张伟", "zhangwen")]
    [InlineData("张伟", "wz")]
    [InlineData("张伟", "x")]
    [InlineData("张伟", "zhangweiwei")]
    [InlineData("Alice", "lic")]
    [InlineData("", "a")]
    [InlineData("张伟", "")]
    public void Name_SomethingElse_NotFound(string name, string typed) =>
        Assert.Equal(NameMatch.None, NameMatch.Name(new MatchableText(name), NameMatch.Normalize(typed)));

    [Theory]
    [InlineData("2023011234@school.edu.cn", "20230112", NameMatch.Literal)]
    [InlineData("2023011234@school.edu.cn", "011234", NameMatch.Inside)]
    [InlineData("Zhang.Wei@School.edu.cn", "zhang.w", NameMatch.Literal)]
    [InlineData("zhang.wei@school.edu.cn", "lisi", NameMatch.None)]
    public void Address_Typed_FoundWhereItShouldBe(string address, string typed, int expected) =>
        Assert.Equal(expected, NameMatch.Address(address, NameMatch.Normalize(typed)));

    [Fact]
    public void Readings_SurnamesReadTheirOwnWay_AllKept()
    {
        Assert.Contains("shan", PinyinReadings.Of('单'));
        Assert.Contains("dan", PinyinReadings.Of('单'));
        Assert.Contains("zeng", PinyinReadings.Of('曾'));
        Assert.Contains("xie", PinyinReadings.Of('解'));
        Assert.Contains("lv", PinyinReadings.Of('吕'));
        Assert.Empty(PinyinReadings.Of('a'));
    }
}
