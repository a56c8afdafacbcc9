using System.Text;

namespace WebMail.Testing;

/// <summary>
/// Small PDFs written by hand for the preview tests (PDF 1.4, ISO 32000-1 §7): pages of text in Helvetica, a page in
/// Chinese in the font every Chinese PDF reader knows without it being embedded (STSong-Light with the UniGB-UCS2-H
/// character map, as iText and old Office exports write it), and optionally a document-open JavaScript action that
/// would call out to <c>scriptTarget</c> if any reader ran it.
/// </summary>
public static class TestPdf
{
    public static byte[] Build(IReadOnlyList<string> latinPages, string? chinesePage = null, string? scriptTarget = null)
    {
        var objects = new List<string>();
        int Add(string body)
        {
            objects.Add(body);
            return objects.Count;
        }

        var catalog = Add("");
        var pages = Add("");
        var latinFont = Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        var chineseFont = Add(
            "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [ << /Type /Font " +
            "/Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> " +
            "/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 " +
            "/Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> /DW 1000 >> ] >>");
        var kids = new List<int>();
        foreach (var text in latinPages)
        {
            kids.Add(AddPage($"BT /F1 24 Tf 72 700 Td ({Escape(text)}) Tj ET"));
        }

        if (chinesePage is not null)
        {
            var ucs2 = Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(chinesePage));
            kids.Add(AddPage($"BT /F2 24 Tf 72 650 Td <{ucs2}> Tj ET"));
        }

        var openAction = "";
        if (scriptTarget is not null)
        {
            var script = $"app.launchURL(\"{scriptTarget}/launch\", true); this.submitForm(\"{scriptTarget}/submit\"); app.alert(\"pdf script ran\");";
            openAction = $" /OpenAction {Add($"<< /Type /Action /S /JavaScript /JS ({Escape(script)}) >>")} 0 R";
        }

        objects[catalog - 1] = $"<< /Type /Catalog /Pages {pages} 0 R{openAction} >>";
        objects[pages - 1] = $"<< /Type /Pages /Kids [{string.Join(" ", kids.Select(k => $"{k} 0 R"))}] /Count {kids.Count} >>";
        return Write(objects);

        int AddPage(string content)
        {
            var stream = Add($"<< /Length {Encoding.ASCII.GetByteCount(content)} >>\nstream\n{content}\nendstream");
            return Add($"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 612 792] " +
                $"/Resources << /Font << /F1 {latinFont} 0 R /F2 {chineseFont} 0 R >> >> /Contents {stream} 0 R >>");
        }
    }

    private static byte[] Write(List<string> objects)
    {
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append("xref\n0 ").Append(objects.Count + 1).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        pdf.Append("trailer\n<< /Size ").Append(objects.Count + 1).Append(" /Root 1 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");
}
