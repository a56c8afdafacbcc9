namespace WebMail.Client.Services;

/// <summary>The signed-in user's sessions on every device, for a student who left a lab computer signed in.</summary>
public interface ISessionsService
{
    /// <summary>Every live session of this user, this one first.</summary>
    /// <exception cref="MailOperationException">The session ended, or the shared store cannot be asked.</exception>
    Task<IReadOnlyList<SignedInSession>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Signs out every other session of this user, on every instance; returns how many.</summary>
    /// <exception cref="MailOperationException">The session ended, or the shared store cannot be asked.</exception>
    Task<int> SignOutEverywhereElseAsync(CancellationToken cancellationToken = default);
}
