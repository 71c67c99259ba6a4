using AidDirectory.Web.Features.Shared;
using AngleSharp.Html.Parser;

namespace AidDirectory.Web.Tests.Moderation;

/// <summary>Nothing an organization writes may run script or load anything on a resident's page.</summary>
public sealed class OrganizationTextTests
{
    private static readonly OrganizationText Text = new();
    private static readonly string[] SafeTags = ["p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code"];
    private static readonly string[] SafeAttributes = ["href", "rel"];

    public static TheoryData<string> Attacks => new()
    {
        "<script>alert(1)</script>",
        "Hello <script src=\"https://evil.example/x.js\"></script>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](  javascript:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<img src=x onerror=alert(1)>",
        "![pixel](https://tracker.example/p.gif)",
        "<a href=\"#\" onclick=\"alert(1)\">x</a>",
        "<p onmouseover=alert(1)>hover</p>",
        "<svg onload=alert(1)><circle r=\"10\"/></svg>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mtext><script>alert(1)</script></mtext></math>",
        "<style>body{background:url(https://tracker.example/x)}</style>",
        "<div style=\"background-image:url(https://tracker.example/x)\">x</div>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"https://evil.example/x.swf\"></object>",
        "<form action=\"https://evil.example\"><input name=q></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "<base href=\"https://evil.example/\">",
        "<link rel=stylesheet href=https://evil.example/x.css>",
        "[x](https://ok.example \"title\" onmouseover=\"alert(1)\")",
        "<<script>script>alert(1)<</script>/script>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Hostile_markdown_renders_inert(string markdown)
    {
        var html = Render(markdown);
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        var elements = document.Body!.QuerySelectorAll("*").ToList();
        Assert.All(elements, e => Assert.Contains(e.LocalName, SafeTags));
        Assert.All(elements.SelectMany(e => e.Attributes), a => Assert.Contains(a.Name, SafeAttributes));
        Assert.All(document.Body.QuerySelectorAll("a[href]"), a => Assert.Matches("^(https?:|mailto:|tel:)", a.GetAttribute("href")!));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Ordinary_markdown_keeps_its_emphasis_lists_and_safe_links()
    {
        var html = Render("Food **every Saturday**.\n\n- rice\n- beans\n\n[Our site](https://pantry.example/hours) or call [312-555-0100](tel:+13125550100)");
        Assert.Contains("<strong>every Saturday</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>rice</li>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://pantry.example/hours\" rel=\"nofollow noopener noreferrer\">Our site</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:+13125550100\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_html_in_markdown_is_shown_as_text_not_run()
    {
        var html = Render("Use <b>this</b> door");
        Assert.Contains("&lt;b&gt;this&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sanitiser_alone_strips_script_from_html_that_did_not_come_through_markdown()
    {
        var clean = Text.Sanitize("<p>ok</p><script>alert(1)</script><a href=\"javascript:alert(1)\">x</a><img src=x onerror=alert(1)>");
        Assert.Equal("<p>ok</p><a rel=\"nofollow noopener noreferrer\">x</a>", clean);
    }

    private static string Render(string markdown)
    {
        using var writer = new StringWriter();
        Text.Render(markdown).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
