namespace WebMail.Client.Shared;

/// <summary>
/// A list drawn live for the first time draws the rows a screen shows, and the rest in the render after it.
/// </summary>
/// <remarks>
/// Why: Blazor does not adopt prerendered HTML; the live page's first render sends the whole page again, about
/// 2.3 KB of render data per row, and the page is not live (buttons, the reading pane) until it has arrived. On a slow
/// phone line fifty rows are 2.3 s of it. The first render after a list is there draws <see cref="Count"/> rows (a
/// phone shows eight without scrolling, a laptop about thirteen); the page asks for the next render once the browser
/// has that one (<see cref="RestDue"/> from OnAfterRender), which adds the others, their place kept meanwhile. On a
/// fast line the two follow within a few milliseconds. Later renders of the same list draw every row.
/// </remarks>
public sealed class FirstScreenRows
{
    public const int Count = 10;

    private bool _done;

    /// <summary>How many rows the last <see cref="Of"/> left for the next render (their place is kept meanwhile).</summary>
    public int LeftOut { get; private set; }

    /// <summary>The rows to draw now.</summary>
    /// <param name="interactive">The live page is rendering (prerendered HTML carries every row: it costs little).</param>
    public IEnumerable<T> Of<T>(IReadOnlyList<T> rows, bool interactive)
    {
        LeftOut = 0;
        if (_done || !interactive)
        {
            return rows;
        }

        if (rows.Count <= Count)
        {
            _done = true;
            return rows;
        }

        LeftOut = rows.Count - Count;
        return rows.Take(Count);
    }

    /// <summary>After a render: true once, when that render left rows out and the next must draw them.</summary>
    public bool RestDue()
    {
        if (_done || LeftOut == 0)
        {
            return false;
        }

        _done = true;
        return true;
    }
}
