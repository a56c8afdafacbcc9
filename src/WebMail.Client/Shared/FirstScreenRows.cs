namespace WebMail.Client.Shared;

/// <summary>
/// A list drawn live for the first time draws the rows a screen shows, and the others a screenful per render after it.
/// </summary>
/// <remarks>
/// Why: Blazor does not adopt prerendered HTML; the live page's first render sends the whole page again, about
/// 2.3 KB of render data per row, and the page is not live (buttons, the reading pane) until it has arrived. On a slow
/// phone line fifty rows are 2.3 s of it. The first render after a list is there draws <see cref="Count"/> rows (a
/// phone shows eight without scrolling, a laptop about thirteen); each time the browser has a render that left rows
/// out, the page asks for the next (<see cref="RestDue"/> from OnAfterRender, which Blazor calls once the browser
/// acknowledged the render), which draws another <see cref="Count"/>, their place kept meanwhile. In screenfuls, not
/// all forty at once, so what the student does first (a click just after the page went live) waits behind one
/// screenful of rows on a slow line, not behind all of them. On a fast line the renders follow within milliseconds.
/// Later renders of the same list draw every row.
/// </remarks>
public sealed class FirstScreenRows
{
    public const int Count = 10;

    private int _drawn = Count;
    private bool _done;
    private bool _nextAsked;

    /// <summary>The live page has drawn every row of a list (from then on, every render draws them all).</summary>
    public bool AllDrawn => _done;

    /// <summary>How many rows the last <see cref="Of"/> left for later renders (their place is kept meanwhile).</summary>
    public int LeftOut { get; private set; }

    /// <summary>The rows to draw now: as many as before, unless <see cref="RestDue"/> asked for more since.</summary>
    /// <param name="interactive">The live page is rendering (prerendered HTML carries every row: it costs little).</param>
    public IEnumerable<T> Of<T>(IReadOnlyList<T> rows, bool interactive)
    {
        LeftOut = 0;
        _nextAsked = false;
        if (_done || !interactive)
        {
            return rows;
        }

        // Only the renders RestDue asks for add rows: a render for anything else (a click opening a message) must
        // not carry a screenful of rows along with what the student asked for.
        if (rows.Count <= _drawn)
        {
            _done = true;
            return rows;
        }

        LeftOut = rows.Count - _drawn;
        return rows.Take(_drawn);
    }

    /// <summary>
    /// After a render: true when it left rows out, and the next render draws another screenful; once per
    /// <see cref="Of"/>, so a render that did not draw the list (a spinner) cannot ask again and again.
    /// </summary>
    public bool RestDue()
    {
        if (_done || LeftOut == 0 || _nextAsked)
        {
            return false;
        }

        _nextAsked = true;
        _drawn += Count;
        return true;
    }
}
