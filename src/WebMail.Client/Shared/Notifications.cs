namespace WebMail.Client.Shared;

/// <summary>
/// Short messages about what just happened ("3 messages moved to Archive"), shown as toasts by
/// <see cref="ToastHost"/> for the whole circuit, so they survive going from a message back to its list. Some can
/// be undone. One per circuit (scoped).
/// </summary>
public sealed class Notifications
{
    private readonly List<Toast> _toasts = [];
    private int _next;

    /// <summary>The toasts changed (shown, gone).</summary>
    public event Action? Changed;

    /// <summary>The mailbox changed behind the page's back (an undo): lists should load again.</summary>
    public event Func<Task>? MailboxChanged;

    public IReadOnlyList<Toast> Toasts
    {
        get
        {
            lock (_toasts)
            {
                return [.. _toasts];
            }
        }
    }

    public void Show(string text, Func<Task>? undo = null)
    {
        lock (_toasts)
        {
            _toasts.Add(new Toast(++_next, text, undo));
            // A few at most: older news is no longer news.
            if (_toasts.Count > 3)
            {
                _toasts.RemoveAt(0);
            }
        }

        Changed?.Invoke();
    }

    public void Dismiss(int id)
    {
        lock (_toasts)
        {
            _toasts.RemoveAll(t => t.Id == id);
        }

        Changed?.Invoke();
    }

    public async Task UndoAsync(Toast toast)
    {
        Dismiss(toast.Id);
        if (toast.Undo is { } undo)
        {
            await undo();
            if (MailboxChanged is { } changed)
            {
                await changed();
            }
        }
    }

    public sealed record Toast(int Id, string Text, Func<Task>? Undo);
}
