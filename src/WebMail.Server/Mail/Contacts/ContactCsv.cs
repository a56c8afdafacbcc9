using System.Text;
using WebMail.Client.Services;
using WebMail.Client.Shared;
using WebMail.Server.UserData;

namespace WebMail.Server.Mail.Contacts;

/// <summary>
/// Contacts as CSV, as address books export them: Outlook's English and Chinese headers (First Name/名, Last Name/姓,
/// E-mail Address/电子邮件地址, E-mail 2 Address, Mobile Phone/移动电话, Notes/附注) and the plainer ones of Chinese
/// webmails (姓名, 邮件地址/邮箱, 手机, 备注, 分组). Columns are recognised by their header's meaning; a file whose
/// headers say nothing known still gives its addresses when a column holds them. UTF-8 (with or without a byte order
/// mark) or GBK/GB18030, as Excel in China saves CSV. Written: UTF-8 with a byte order mark, which Excel opens right.
/// </summary>
public static class ContactCsv
{
    private const int MaxRows = Contact.MaxContacts + 1;

    private static readonly string[] NameHeaders = ["name", "display name", "full name", "姓名", "名字", "显示名", "显示名称", "联系人", "昵称", "nickname"];
    private static readonly string[] GivenHeaders = ["first name", "given name", "名"];
    private static readonly string[] FamilyHeaders = ["last name", "family name", "surname", "姓"];
    private static readonly string[] PhoneHeaders = ["mobile phone", "mobile", "phone", "primary phone", "business phone", "home phone", "手机", "手机号", "手机号码", "移动电话", "电话", "联系电话", "商务电话", "住宅电话"];
    private static readonly string[] NotesHeaders = ["notes", "note", "备注", "附注", "说明"];
    private static readonly string[] GroupHeaders = ["group", "groups", "categories", "group membership", "分组", "组", "所属组", "所属分组", "类别", "群组"];

    public static IReadOnlyList<Contact> Read(byte[] bytes)
    {
        var text = Rendering.AttachmentTextDecoder.Decode(bytes, charset: null, cut: false);
        var rows = DelimitedText.Parse(text, DelimitedText.SeparatorOf("contacts.csv", text), MaxRows);
        if (rows.Count < 2)
        {
            return [];
        }

        var headers = rows[0].Select(h => h.Trim().Trim('\uFEFF').ToLowerInvariant()).ToList();
        var columns = new Columns(headers, rows.Skip(1).Take(50).ToList());
        if (columns.Addresses.Count == 0)
        {
            return [];
        }

        var contacts = new List<Contact>();
        foreach (var row in rows.Skip(1))
        {
            var name = columns.NameOf(row);
            var addresses = columns.Addresses.Select(i => Cell(row, i)).Where(a => a.Length > 0).ToList();
            contacts.Add(new Contact("", name, addresses, columns.Phone is { } phone ? Cell(row, phone) : "",
                columns.Notes is { } notes ? Cell(row, notes) : ""));
            if (columns.Group is { } group && addresses.Count > 0)
            {
                foreach (var groupName in Cell(row, group).Split([';', ',', '；', '，', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    contacts.Add(new Contact("", groupName, [RecipientText.Mailbox(name, addresses[0])], IsGroup: true));
                }
            }
        }

        return contacts;
    }

    public static byte[] Write(IReadOnlyList<Contact> contacts)
    {
        var groupsOf = contacts.Where(c => c.IsGroup)
            .SelectMany(g => g.Addresses.Select(m => (Address: ContactRules.AddressOf(m), Group: g.Name)))
            .ToLookup(p => p.Address, p => p.Group, StringComparer.OrdinalIgnoreCase);
        var text = new StringBuilder("Name,E-mail Address,E-mail 2 Address,E-mail 3 Address,Mobile Phone,Notes,Groups\r\n");
        foreach (var person in contacts.Where(c => !c.IsGroup))
        {
            var groups = person.Addresses.SelectMany(a => groupsOf[ContactRules.AddressOf(a)]).Distinct();
            string[] cells = [person.Name, .. Enumerable.Range(0, 3).Select(i => person.Addresses.ElementAtOrDefault(i) ?? ""),
                person.Phone, person.Notes, string.Join(';', groups)];
            text.Append(string.Join(',', cells.Select(Quote))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    // A cell starting with = + - @ would be a formula in a spreadsheet (CSV injection); a leading quote keeps it text.
    private static string Quote(string cell)
    {
        var safe = cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' ? "'" + cell : cell;
        return "\"" + safe.Replace("\"", "\"\"") + "\"";
    }

    private static string Cell(IReadOnlyList<string> row, int index) => index < row.Count ? row[index].Trim() : "";

    private sealed class Columns
    {
        private readonly int? _name;
        private readonly int? _given;
        private readonly int? _family;

        public Columns(List<string> headers, List<IReadOnlyList<string>> sample)
        {
            int? Find(string[] names) => headers.FindIndex(names.Contains) is var i and >= 0 ? i : null;
            (_name, _given, _family) = (Find(NameHeaders), Find(GivenHeaders), Find(FamilyHeaders));
            (Phone, Notes, Group) = (Find(PhoneHeaders), Find(NotesHeaders), Find(GroupHeaders));
            Addresses = [.. Enumerable.Range(0, headers.Count).Where(i => IsAddressHeader(headers[i]))];
            if (Addresses.Count == 0)
            {
                // Headers in a language or wording not known here: the column most of whose cells are addresses.
                Addresses = [.. Enumerable.Range(0, headers.Count)
                    .Where(i => sample.Count(r => Cell(r, i).Contains('@')) * 2 > sample.Count).Take(1)];
            }
        }

        public List<int> Addresses { get; }

        public int? Phone { get; }

        public int? Notes { get; }

        public int? Group { get; }

        public string NameOf(IReadOnlyList<string> row) =>
            _name is { } name && Cell(row, name).Length > 0 ? Cell(row, name)
                : ContactNames.FromParts(_given is { } g ? Cell(row, g) : "", _family is { } f ? Cell(row, f) : "");

        // "E-mail Address", "E-mail 2 Address", "Email", "邮件地址", "电子邮件", "电子邮件 2 地址", "邮箱", "邮箱地址", "备用邮箱"; not "E-mail Type"
        // nor "E-mail Display Name", which Outlook puts beside each.
        private static bool IsAddressHeader(string header) =>
            (header.Contains("mail") && !header.Contains("type") && !header.Contains("display"))
            || header.Contains("邮件") || header.Contains("邮箱") || header.Contains("郵件") || header.Contains("郵箱");
    }
}
