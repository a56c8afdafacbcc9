using System.Text;

namespace WebMail.Testing.Fixtures;

/// <summary>Address book exports as other programs write them, for import tests.</summary>
public static class ContactFiles
{
    /// <summary>
    /// A CSV as Chinese webmails (Coremail's and QQ Mail's address books among them) export it and as Excel in China
    /// saves it: GBK, no byte order mark, Chinese headers, a group column, a name with a comma in quotes.
    /// </summary>
    public static byte[] GbkCsv(string zhangWei, string ouyangNana, string liLaoshi)
    {
        EncodingRegistration.RegisterCodePages();
        var text = "姓名,邮件地址,手机,备注,分组\r\n"
            + $"张伟,{zhangWei},13800000000,班长,软件工程2班\r\n"
            + $"\"欧阳, 娜娜\",{ouyangNana},,,软件工程2班\r\n"
            + $"李老师,{liLaoshi},,\"办公室 301\r\n周三答疑\",\r\n";
        return Encoding.GetEncoding("GB18030").GetBytes(text);
    }

    /// <summary>Outlook's "Comma Separated Values" export (English headers, UTF-8 with a byte order mark), shortened to the columns that matter and a few that do not.</summary>
    public static byte[] OutlookCsv(string domain) =>
    [
        .. Encoding.UTF8.GetPreamble(),
        .. Encoding.UTF8.GetBytes(
            "First Name,Middle Name,Last Name,E-mail Address,E-mail Type,E-mail Display Name,E-mail 2 Address,Mobile Phone,Notes,Categories\r\n"
            + $"Wei,,Zhang,wei.zhang@{domain},SMTP,Wei Zhang (wei.zhang@{domain}),wz@home.test,+86 138 0000 0001,,Lab\r\n"
            + $"伟,,王,wang.wei@{domain},SMTP,,,,,\r\n"),
    ];

    /// <summary>A vCard file with a 4.0 card, a 3.0 card with Apple's item groups and a folded line, and a 4.0 group.</summary>
    public static string VCards(string domain) =>
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:陈静\r\nN:陈;静;;;\r\nEMAIL;TYPE=work:chen.jing@" + domain + "\r\nTEL;VALUE=uri:tel:+86-10-0000-0002\r\n"
        + "NOTE:图书馆\\, 二楼\\n周一\r\nCATEGORIES:读书会,研究生会\r\nEND:VCARD\r\n"
        + "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Zhao;Lei;;;\r\nitem1.EMAIL;type=INTERNET:zhao.lei@" + domain + "\r\nitem1.X-ABLabel:_$!<Other>!$_\r\n"
        + "NOTE:a note that is long enough that a careful writer folds it over more than o\r\n ne line\r\nEND:VCARD\r\n"
        + "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:group\r\nFN:羽毛球队\r\nMEMBER:mailto:chen.jing@" + domain + "\r\nMEMBER:mailto:zhao.lei@" + domain
        + "\r\nMEMBER:urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af\r\nEND:VCARD\r\n";

    /// <summary>A vCard 2.1 card as old phones and QQ Mail's export write it: GB2312 in quoted-printable, a soft line break.</summary>
    public static string VCard21(string domain)
    {
        EncodingRegistration.RegisterCodePages();
        var name = string.Concat(Encoding.GetEncoding("GB2312").GetBytes("孙悟空").Select(b => $"={b:X2}"));
        return "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:" + name[..9] + "=\r\n" + name[9..] + "\r\n"
            + "EMAIL;PREF;INTERNET:sun.wukong@" + domain + "\r\nEND:VCARD\r\n";
    }
}
