using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace AidDirectory.Web.Features.Shared;

/// <summary>
/// What organizations write in Markdown, made safe for a resident's page (design §6.6): Markdig renders it
/// with raw HTML turned into text, then HtmlSanitizer keeps only paragraphs, emphasis, lists, quotes and
/// links to web, mail and phone addresses. No script, style, image, frame or event attribute survives, so
/// nothing an organization writes can run or load anything.
/// </summary>
public sealed class OrganizationText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UseSoftlineBreakAsHardlineBreak().Build();

    private readonly HtmlSanitizer _sanitizer;

    public OrganizationText()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(["p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code"], StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto", "tel"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        _sanitizer = new HtmlSanitizer(options);
        // Links leave without telling the other site where the resident came from.
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement link)
            {
                link.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        };
    }

    /// <summary>Safe HTML for <paramref name="markdown"/>.</summary>
    public IHtmlContent Render(string markdown) => new HtmlString(Sanitize(Markdown.ToHtml(markdown, Pipeline)));

    /// <summary>The sanitiser on its own, for HTML that did not come from our Markdown pipeline (tests feed it hostile HTML).</summary>
    public string Sanitize(string html) => _sanitizer.Sanitize(html);
}
