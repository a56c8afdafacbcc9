using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Services;
using WebMail.Client.Shared;

namespace WebMail.ComponentTests;

/// <summary>Importing .eml files into a folder (issue 22): one after another with progress, each failure said, Stop keeps what was done.</summary>
public sealed class EmlImportTests : ComponentTest
{
    private readonly RecordingMailbox _mailbox = new();
    private int _listRefreshed;

    public EmlImportTests()
    {
        Services.AddSingleton<IMailboxService>(_mailbox);
        GoLive();
    }

    [Fact]
    public void ThreeFiles_TwoImported_TheOtherSaidWhy_TheListRefreshed()
    {
        var import = RenderImport();

        import.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromText("From: a@school.test\r\n\r\none", "one.eml"),
            InputFileContent.CreateFromBinary([0x89, 0x50, 0x4E, 0x47], "photo.png"),
            InputFileContent.CreateFromText("From: b@school.test\r\n\r\ntwo", "two.eml"));

        import.WaitForAssertion(() => Assert.Equal("2 message(s) imported into Archive.", import.Find("#import-summary").TextContent));
        Assert.Equal(["Archive", "Archive"], _mailbox.Imported.Select(i => i.Folder));
        Assert.Equal("photo.png: This file is not a mail message (.eml).", import.Find("#import-failures li").TextContent);
        Assert.Equal(1, _listRefreshed);
    }

    [Fact]
    public async Task WhileImporting_ProgressShown_StopKeepsWhatWasImported()
    {
        _mailbox.ImportGate = new TaskCompletionSource();
        var import = RenderImport();

        var input = import.FindComponent<InputFile>();
        // bUnit's upload returns when the change handler has finished, which waits for the gate: run it aside.
        var upload = Task.Run(() => input.UploadFiles(
            InputFileContent.CreateFromText("From: a@school.test\r\n\r\none", "one.eml"),
            InputFileContent.CreateFromText("From: b@school.test\r\n\r\ntwo", "two.eml")));

        import.WaitForAssertion(() => Assert.Contains("Importing 1 of 2: one.eml", import.Find("#import-status").TextContent, StringComparison.Ordinal));
        Assert.True(import.Find("#import-eml").HasAttribute("disabled")); // one import at a time
        import.Find("#import-stop").Click();

        await upload.WaitAsync(TimeSpan.FromSeconds(10));
        import.WaitForAssertion(() => Assert.Equal("Stopped: 0 of 2 message(s) imported into Archive.", import.Find("#import-summary").TextContent));
        Assert.Empty(_mailbox.Imported);
        Assert.Equal(0, _listRefreshed);
    }

    [Fact]
    public void TooLargeAFile_RefusedBeforeItIsUploaded()
    {
        var import = RenderImport();

        import.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[EmlImport.MaxFileBytes + 1], "huge.eml"));

        import.WaitForAssertion(() => Assert.Contains("huge.eml: larger than 25.0 MB", import.Find("#import-failures").TextContent, StringComparison.Ordinal));
        Assert.Empty(_mailbox.Imported);
    }

    private IRenderedComponent<EmlImport> RenderImport() => Render<EmlImport>(parameters => parameters
        .Add(i => i.Folder, "Archive").Add(i => i.FolderName, "Archive")
        .Add(i => i.OnImported, () => _listRefreshed++));
}
