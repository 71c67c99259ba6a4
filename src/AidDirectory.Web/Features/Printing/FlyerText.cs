namespace AidDirectory.Web.Features.Printing;

/// <summary>
/// Marker for the flyer's own text (FlyerText.resx and its translations). A flyer is printed in any of
/// the five languages the community reads, including those the site's pages are not yet written in;
/// the Polish, Chinese and Arabic texts were written by us and need a native speaker's review.
/// </summary>
public sealed class FlyerText;
