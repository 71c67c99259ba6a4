namespace AidDirectory.Search.Analysis;

/// <summary>The index's field names, in one place.</summary>
public static class IndexFields
{
    public const string Id = "id";
    public const string FoldedName = "name_f";
    public const string FoldedBody = "body_f";
    public const string Category = "category";
    /// <summary>Known to be free: only for ranking "gratis" typed in the words; the free filter is a bit set.</summary>
    public const string Free = "free";

    public static string Name(string language) => "name_" + language;

    public static string Body(string language) => "body_" + language;
}
