namespace WebMail.Server.Auth;

/// <summary>The "SignIn" configuration section: how many wrong passwords are tolerated.</summary>
public sealed class SignInThrottleOptions
{
    public const string SectionName = "SignIn";

    /// <summary>Failed sign-ins allowed for one account within <see cref="Window"/>.</summary>
    public int MaxFailuresPerAccount { get; set; } = 5;

    /// <summary>
    /// Failed sign-ins allowed from one client address within <see cref="Window"/>. Higher than per account
    /// because a whole dormitory can share one address behind the campus NAT.
    /// </summary>
    public int MaxFailuresPerClientAddress { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
