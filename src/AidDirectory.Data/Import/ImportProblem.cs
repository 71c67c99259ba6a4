namespace AidDirectory.Data.Import;

/// <summary>A bad row: the file (relative to the data folder), its line, and what is wrong with it.</summary>
public sealed record ImportProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
