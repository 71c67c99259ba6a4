namespace AidDirectory.Web.Features.Accounts;

/// <summary>What a sign-in step came to.</summary>
public abstract record SignInAttempt
{
    private SignInAttempt()
    {
    }

    public sealed record SignedIn : SignInAttempt;

    /// <summary>The password was right; the account asks for its authenticator code next.</summary>
    public sealed record NeedsCode : SignInAttempt;

    /// <summary>Wrong, unknown or not allowed to sign in: every one reads the same.</summary>
    public sealed record Refused : SignInAttempt;

    /// <summary>Too many failures from this network; nothing was checked.</summary>
    public sealed record Throttled(TimeSpan RetryAfter) : SignInAttempt;

    /// <summary>The code step was opened without a password step before it.</summary>
    public sealed record NoPendingSignIn : SignInAttempt;
}
