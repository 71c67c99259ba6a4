namespace AidDirectory.Web.Features.Shared;

/// <summary>A 4xx a resident sees: what went wrong and what to do, in their language.</summary>
public sealed record ResidentProblem(int Status, string Title, string Detail);
