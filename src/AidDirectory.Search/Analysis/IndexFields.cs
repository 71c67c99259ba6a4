namespace AidDirectory.Search.Analysis;

/// <summary>The index's field names, in one place.</summary>
public static class IndexFields
{
    public const string Id = "id";
    public const string FoldedName = "name_f";
    public const string FoldedBody = "body_f";
    public const string Category = "category";
    public const string Language = "speaks";
    public const string Free = "free";
    public const string Documents = "documents";
    public const string NoStatusQuestion = "no_status_question";
    public const string WalkIn = "walk_in";
    public const string Delivery = "delivery";
    public const string Wheelchair = "wheelchair";

    public static string Name(string language) => "name_" + language;

    public static string Body(string language) => "body_" + language;
}
