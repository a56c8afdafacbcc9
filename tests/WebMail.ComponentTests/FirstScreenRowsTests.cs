using WebMail.Client.Shared;

namespace WebMail.ComponentTests;

/// <summary>A list's first live render draws a screenful of rows, each render after it one more, later ones all (issue 18).</summary>
public sealed class FirstScreenRowsTests
{
    private static readonly int[] Fifty = [.. Enumerable.Range(1, 50)];

    [Fact]
    public void FirstLiveRender_AScreenful_ThenAScreenfulPerRender()
    {
        var rows = new FirstScreenRows();

        for (var screens = 1; screens < 5; screens++)
        {
            Assert.Equal(Fifty[..(screens * FirstScreenRows.Count)], rows.Of(Fifty, interactive: true));
            Assert.Equal(50 - screens * FirstScreenRows.Count, rows.LeftOut);
            Assert.False(rows.AllDrawn);
            Assert.True(rows.RestDue());
        }

        Assert.Equal(Fifty, rows.Of(Fifty, interactive: true));
        Assert.Equal(0, rows.LeftOut);
        Assert.True(rows.AllDrawn);
        Assert.False(rows.RestDue());
        Assert.Equal(Fifty, rows.Of(Fifty, interactive: true));
    }

    [Fact]
    public void RenderNotAskedForByRestDue_NoMoreRows()
    {
        var rows = new FirstScreenRows();

        rows.Of(Fifty, interactive: true);

        // The student clicked a row: that render carries no screenful of rows along with the message.
        Assert.Equal(FirstScreenRows.Count, rows.Of(Fifty, interactive: true).Count());
        Assert.True(rows.RestDue());
        Assert.Equal(2 * FirstScreenRows.Count, rows.Of(Fifty, interactive: true).Count());
    }

    [Fact]
    public void RestDue_OncePerRenderOfTheList()
    {
        var rows = new FirstScreenRows();

        rows.Of(Fifty, interactive: true);

        Assert.True(rows.RestDue());
        Assert.False(rows.RestDue()); // a render that did not draw the list (a spinner) asks for nothing more
    }

    [Fact]
    public void Prerendered_EveryRow_AndTheFirstLiveRenderStillAScreenful()
    {
        var rows = new FirstScreenRows();

        Assert.Equal(Fifty, rows.Of(Fifty, interactive: false));
        Assert.False(rows.RestDue());
        Assert.False(rows.AllDrawn); // drawn into the page's HTML, not yet by the live page
        Assert.Equal(FirstScreenRows.Count, rows.Of(Fifty, interactive: true).Count());
    }

    [Fact]
    public void ShortFirstList_AllAtOnce_AndALongerOneLaterToo()
    {
        var rows = new FirstScreenRows();

        Assert.Equal(3, rows.Of(Fifty[..3], interactive: true).Count());
        Assert.False(rows.RestDue());
        Assert.Equal(Fifty, rows.Of(Fifty, interactive: true));
        Assert.False(rows.RestDue());
    }
}
