using System.Text;
using WebMail.Client.Services;
using WebMail.Server.Mail.Contacts;
using WebMail.Testing.Fixtures;

namespace WebMail.UnitTests;

public sealed class ContactFormatsTests
{
    private const string Domain = "school.test";

    static ContactFormatsTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // as the app does at start

    [Fact]
    public void Csv_GbkWithChineseHeaders_PeopleAndTheirGroup()
    {
        var contacts = ContactCsv.Read(ContactFiles.GbkCsv("zhangwei@school.test", "ouyang.nana@school.test", "li.laoshi@school.test"));

        var people = contacts.Where(c => !c.IsGroup).ToList();
        Assert.Equal(["张伟", "欧阳, 娜娜", "李老师"], people.Select(p => p.Name));
        Assert.Equal(("zhangwei@school.test", "13800000000", "班长"), (people[0].Addresses.Single(), people[0].Phone, people[0].Notes));
        Assert.Equal("办公室 301\r\n周三答疑", people[2].Notes);
        var groups = contacts.Where(c => c.IsGroup).ToList();
        Assert.All(groups, g => Assert.Equal("软件工程2班", g.Name));
        Assert.Equal(["张伟 <zhangwei@school.test>", "\"欧阳, 娜娜\" <ouyang.nana@school.test>"], groups.Select(g => g.Addresses.Single()));
    }

    [Fact]
    public void Csv_Outlook_NamesFromPartsAllAddressesNotTheDisplayColumn()
    {
        var contacts = ContactCsv.Read(ContactFiles.OutlookCsv(Domain));

        var wei = contacts[0];
        Assert.Equal(("Wei Zhang", "+86 138 0000 0001"), (wei.Name, wei.Phone));
        Assert.Equal(["wei.zhang@school.test", "wz@home.test"], wei.Addresses);
        Assert.Equal(("Lab", true), (contacts[1].Name, contacts[1].IsGroup));
        Assert.Equal("王伟", contacts[2].Name); // family name first, no space, for a Chinese name
    }

    [Fact]
    public void Csv_UnknownHeaders_TheColumnOfAddressesStillFound()
    {
        var contacts = ContactCsv.Read(Encoding.UTF8.GetBytes("who;where\nA;a@school.test\nB;b@school.test\n"));

        Assert.Equal(["a@school.test", "b@school.test"], contacts.Select(c => c.Addresses.Single()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("just one line")]
    [InlineData("a,b\n1,2\n")]
    public void Csv_NoAddresses_Nothing(string text) => Assert.Empty(ContactCsv.Read(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void VCard_40And30AndGroups_Read()
    {
        var contacts = VCardFormat.Read(ContactFiles.VCards(Domain));

        var chen = contacts[0];
        Assert.Equal(("陈静", "chen.jing@school.test", "+86-10-0000-0002", "图书馆, 二楼\n周一"), (chen.Name, chen.Addresses.Single(), chen.Phone, chen.Notes));
        Assert.Equal(["读书会", "研究生会"], contacts.Skip(1).Take(2).Select(g => g.Name));
        Assert.All(contacts.Skip(1).Take(2), g => Assert.Equal(("陈静 <chen.jing@school.test>", true), (g.Addresses.Single(), g.IsGroup)));
        var zhao = contacts[3];
        Assert.Equal(("Lei Zhao", "zhao.lei@school.test"), (zhao.Name, zhao.Addresses.Single()));
        Assert.EndsWith("more than one line", zhao.Notes);
        var team = contacts[4];
        Assert.Equal(("羽毛球队", true), (team.Name, team.IsGroup));
        Assert.Equal(["chen.jing@school.test", "zhao.lei@school.test"], team.Addresses);
    }

    [Fact]
    public void VCard_21QuotedPrintableGb2312_Read() =>
        Assert.Equal(("孙悟空", "sun.wukong@school.test"), VCardFormat.Read(ContactFiles.VCard21(Domain)) is [var c] ? (c.Name, c.Addresses.Single()) : default);

    [Fact]
    public void VCard_Written_ReadsBackTheSame_LinesFoldedWithinLimit()
    {
        Contact[] book =
        [
            new("1", "欧阳娜娜; \"学委\"", ["ouyang.nana@school.test", "onn@home.test"], "138", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n第二行"),
            new("2", "软件工程2班", ["欧阳娜娜 <ouyang.nana@school.test>"], IsGroup: true),
        ];

        var text = VCardFormat.Write(book);

        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        var read = VCardFormat.Read(text);
        Assert.Equal((book[0].Name, book[0].Phone, book[0].Notes), (read[0].Name, read[0].Phone, read[0].Notes));
        Assert.Equal(book[0].Addresses, read[0].Addresses);
        Assert.Equal(("软件工程2班", true, "ouyang.nana@school.test"), (read[1].Name, read[1].IsGroup, read[1].Addresses.Single()));
    }

    [Fact]
    public void Csv_Written_ReadsBackWithGroups_FormulasDisarmed()
    {
        Contact[] book =
        [
            new("1", "=HYPERLINK(\"x\")", ["a@school.test"], "+86 1", "引号\"和,逗号"),
            new("2", "班", ["a@school.test"], IsGroup: true),
        ];

        var bytes = ContactCsv.Write(book);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var read = ContactCsv.Read(bytes);
        Assert.Equal(("'=HYPERLINK(\"x\")", "'+86 1", "引号\"和,逗号"), (read[0].Name, read[0].Phone, read[0].Notes));
        Assert.Equal(("班", true), (read[1].Name, read[1].IsGroup));
    }
}
