namespace WebMail.Client.Services;

/// <summary>
/// For a task nobody awaits, because its failure is met elsewhere (the page that needs its result meets the problem
/// itself) or does not matter: its exception is observed here, so it never surfaces as an unobserved task exception.
/// </summary>
public static class UnawaitedTask
{
    /// <returns><paramref name="task"/>, for whoever may still join it.</returns>
    public static TTask ObserveFailure<TTask>(this TTask task)
        where TTask : Task
    {
        _ = task.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return task;
    }
}
