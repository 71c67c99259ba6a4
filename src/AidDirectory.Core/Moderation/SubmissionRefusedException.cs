namespace AidDirectory.Core.Moderation;

/// <summary>A transition the rules do not allow; the message says why, in words a person can act on.</summary>
public sealed class SubmissionRefusedException : Exception
{
    public SubmissionRefusedException()
        : base("The submission cannot change this way.")
    {
    }

    public SubmissionRefusedException(string message)
        : base(message)
    {
    }

    public SubmissionRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
