using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace AidDirectory.Web.Tests.Hosting;

/// <summary>Who sends a fuzzed request: a resident (no cookies), or a browser with a cookie jar, signed out or in.</summary>
public enum Caller
{
    Resident,
    Visitor,
    Editor,
    Administrator,
}

/// <summary>A route the site maps, with a good value for each of its parameters to start from.</summary>
public sealed record FuzzRoute(string Pattern, IReadOnlyList<FuzzRoute.Segment> Segments, IReadOnlyList<string> Methods, bool IsStaff)
{
    /// <summary>A literal path segment, or a route parameter with the good values a request may start from.</summary>
    public sealed record Segment(string? Literal, string? Parameter, IReadOnlyList<string> GoodValues, string Suffix);

    public override string ToString() => Pattern;
}

/// <summary>A form a page shows (its action, method, fields and their offered values), read from the page's HTML.</summary>
public sealed record FuzzForm(Caller Caller, string Page, string Action, string Method, IReadOnlyList<FuzzForm.Field> Fields, IReadOnlyList<string> Buttons)
{
    public sealed record Field(string Name, IReadOnlyList<string> Values);

    public override string ToString() => $"{Method} {Action} (form on {Page}, as {Caller})";
}

/// <summary>
/// Finds what to fuzz from the running site itself: every route its endpoint data source maps (Razor Pages and
/// minimal APIs, in every language), and every form the pages show. A new page, endpoint or form field is
/// fuzzed without editing the test; only a new kind of route parameter may want a good value in <see cref="GoodValues"/>.
/// </summary>
public sealed class FuzzTargets
{
    private static readonly HtmlParser Parser = new();

    public required IReadOnlyList<FuzzRoute> Routes { get; init; }

    public required IReadOnlyList<FuzzForm> Forms { get; init; }

    /// <summary>Query parameter names to try: those of the search (README), the GET forms' fields, and the page models' own.</summary>
    public required IReadOnlyList<string> QueryNames { get; init; }

    /// <summary>Good values for a route parameter, by its name; an unknown parameter starts from "x".</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> GoodValues { get; init; }

    // The search's parameters, as the API documents them (ServicesApi's summary), plus the staff pages' filters.
    private static readonly string[] SearchParameters =
    [
        "q", "category", "zip", "area", "near", "radius", "bbox", "speaks", "interpretation", "free", "documents",
        "no_status_question", "walk_in", "delivery", "wheelchair", "open_now", "page", "lang", "language", "status",
        "handler", "returnUrl", "token", "reported", "kind", "action", "subject", "person", "from", "to", "id",
    ];

    public static FuzzTargets FromEndpoints(DirectoryApp app, IReadOnlyDictionary<string, IReadOnlyList<string>> goodValues, IEnumerable<string> staticFiles)
    {
        // Static files are no endpoints, but they are routes a request can reach.
        var routes = staticFiles.Select(file => new FuzzRoute(file, file.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => new FuzzRoute.Segment(s, null, [], "")).ToList(), ["GET", "HEAD"], IsStaff: false)).ToList();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern;
            var raw = "/" + (pattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList() is { Count: > 0 } listed ? listed : ["GET", "POST"];
            var segments = new List<FuzzRoute.Segment>();
            foreach (var segment in pattern.PathSegments)
            {
                if (segment.IsSimple && segment.Parts[0] is RoutePatternLiteralPart literal)
                {
                    segments.Add(new(literal.Content, null, [], ""));
                    continue;
                }

                // A parameter, possibly followed by a literal in the same segment ("{id:guid}.png", "{category}.pdf").
                var parameter = segment.Parts.OfType<RoutePatternParameterPart>().First();
                var suffix = string.Concat(segment.Parts.SkipWhile(p => p != parameter).Skip(1).OfType<RoutePatternLiteralPart>().Select(l => l.Content));
                segments.Add(new(null, parameter.Name, goodValues.TryGetValue(parameter.Name, out var good) ? good : ["x"], suffix));
            }

            routes.Add(new FuzzRoute(raw, segments, methods, raw.StartsWith("/portal", StringComparison.Ordinal) || raw.StartsWith("/admin", StringComparison.Ordinal)));
        }

        return new FuzzTargets { Routes = routes.DistinctBy(r => r.Pattern).OrderBy(r => r.Pattern, StringComparer.Ordinal).ToList(), Forms = [], QueryNames = SearchParameters, GoodValues = goodValues };
    }

    /// <summary>Every URL a route gives with good values only.</summary>
    public static IEnumerable<string> GoodUrls(FuzzRoute route)
    {
        IEnumerable<string> paths = [""];
        foreach (var segment in route.Segments)
        {
            var choices = segment.Literal is { } literal ? [literal] : segment.GoodValues.Select(v => v + segment.Suffix).ToList();
            paths = paths.SelectMany(p => choices.Select(c => p + "/" + c)).ToList();
        }

        return paths.Select(p => p.Length == 0 ? "/" : p);
    }

    /// <summary>Opens every good URL as each caller who may see it and reads the forms on the page.</summary>
    public async Task<FuzzTargets> WithFormsAsync(IReadOnlyDictionary<Caller, HttpClient> clients, CancellationToken cancellationToken)
    {
        var forms = new List<FuzzForm>();
        var queryNames = new HashSet<string>(QueryNames, StringComparer.Ordinal);
        foreach (var route in Routes.Where(r => r.Methods.Contains("GET")))
        {
            foreach (var url in GoodUrls(route))
            {
                foreach (var (caller, client) in clients.Where(c => route.IsStaff ? c.Key != Caller.Resident : c.Key == Caller.Resident))
                {
                    var response = await client.GetAsync(url, cancellationToken);
                    if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
                    {
                        continue;
                    }

                    var document = Parser.ParseDocument(await response.Content.ReadAsStringAsync(cancellationToken));
                    foreach (var form in document.QuerySelectorAll("form").OfType<IHtmlFormElement>())
                    {
                        var read = Read(caller, url, form);
                        if (read.Method == "GET")
                        {
                            queryNames.UnionWith(read.Fields.Select(f => f.Name));
                        }
                        else
                        {
                            forms.Add(read);
                        }
                    }
                }
            }
        }

        return new FuzzTargets
        {
            Routes = Routes,
            Forms = forms.DistinctBy(f => (f.Caller, f.Action, string.Join(',', f.Fields.Select(x => x.Name)), string.Join(',', f.Buttons))).ToList(),
            QueryNames = queryNames.Order(StringComparer.Ordinal).ToList(),
            GoodValues = GoodValues,
        };
    }

    private static FuzzForm Read(Caller caller, string page, IHtmlFormElement form)
    {
        var fields = new List<FuzzForm.Field>();
        foreach (var group in form.Elements.Where(e => e.GetAttribute("name") is { Length: > 0 }).GroupBy(e => e.GetAttribute("name")!, StringComparer.Ordinal))
        {
            var values = group.SelectMany(e => e switch
            {
                IHtmlSelectElement select => select.Options.Select(o => o.Value),
                IHtmlTextAreaElement area => [area.Value],
                IHtmlButtonElement or IHtmlInputElement { Type: "submit" } => [],
                _ => [e.GetAttribute("value") ?? ""],
            }).Distinct(StringComparer.Ordinal).ToList();
            if (values.Count > 0)
            {
                fields.Add(new(group.Key, values));
            }
        }

        // Buttons that pick a handler ("?handler=Erase") or carry a value ("decision=Approve").
        var buttons = form.QuerySelectorAll("button, input[type=submit]")
            .Select(b => b.GetAttribute("formaction") is { Length: > 0 } action ? "@" + action : b.GetAttribute("name") is { Length: > 0 } name ? $"{name}={b.GetAttribute("value")}" : null)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var target = form.GetAttribute("action") is { Length: > 0 } a ? a : page;
        return new FuzzForm(caller, page, target, (form.GetAttribute("method") ?? "get").ToUpperInvariant(), fields, buttons);
    }
}
