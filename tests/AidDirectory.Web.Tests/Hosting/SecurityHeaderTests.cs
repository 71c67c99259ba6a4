using System.Net;
using AngleSharp.Html.Parser;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AidDirectory.Web.Tests.Hosting;

/// <summary>
/// Every kind of response the site gives, over HTTPS, passes the checks Mozilla's HTTP Observatory runs and the
/// rules of Mozilla's web security guidelines, as far as a response can show them (issue 13, item 8). The rules
/// are in <see cref="ObservatoryRules"/>; each is written as the Observatory scores it, or stricter.
/// </summary>
public sealed class SecurityHeaderTests(PublicSqliteDirectoryApp app) : IClassFixture<PublicSqliteDirectoryApp>
{
    private const string Origin = PublicSqliteDirectoryApp.Origin;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("public page", "/en/search?q=food", HttpStatusCode.OK, "text/html")]
    [InlineData("public page in Spanish", "/es/category/food", HttpStatusCode.OK, "text/html")]
    [InlineData("listing page", "/en/service/{service}", HttpStatusCode.OK, "text/html")]
    [InlineData("staff page", "/portal/account/login", HttpStatusCode.OK, "text/html")]
    [InlineData("staff page, signed out", "/admin", HttpStatusCode.Redirect, null)]
    [InlineData("JSON", "/api/v1/services?q=food", HttpStatusCode.OK, "application/json")]
    [InlineData("JSON problem", "/api/v1/services?page=-1", HttpStatusCode.BadRequest, "application/problem+json")]
    [InlineData("GeoJSON", "/api/v1/services.geojson?q=food", HttpStatusCode.OK, "application/geo+json")]
    [InlineData("health", "/api/v1/health", HttpStatusCode.OK, "application/json")]
    [InlineData("PNG results map", "/en/maps/search.png?q=food", HttpStatusCode.OK, "image/png")]
    [InlineData("PNG listing map", "/en/maps/service/{service}.png", HttpStatusCode.OK, "image/png")]
    [InlineData("PDF flyer", "/flyers/en/avondale/food.pdf", HttpStatusCode.OK, "application/pdf")]
    [InlineData("static style sheet", "/css/site.css", HttpStatusCode.OK, "text/css")]
    [InlineData("static script", "/js/map.js", HttpStatusCode.OK, "text/javascript")]
    [InlineData("error page", "/en/no-such-page", HttpStatusCode.NotFound, "text/html")]
    [InlineData("error page for a refused request", "/en/search?q=%00", HttpStatusCode.BadRequest, "text/html")]
    [InlineData("API 404", "/api/v1/no-such-thing", HttpStatusCode.NotFound, "application/problem+json")]
    public async Task Every_kind_of_response_passes_the_observatory_rules(string kind, string url, HttpStatusCode status, string? mediaType)
    {
        var serviceId = await app.WithDatabaseAsync(db => new TestListing("Header Pantry").InCategory(db, "food").SaveAsync(db));
        using var request = new HttpRequestMessage(HttpMethod.Get, url.Replace("{service}", serviceId.ToString(), StringComparison.Ordinal));
        request.Headers.Add("Origin", "https://evil.example"); // a CORS answer would show itself to this
        var response = await app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(Origin), AllowAutoRedirect = false }).SendAsync(request, Token);
        var body = await response.Content.ReadAsByteArrayAsync(Token);

        Assert.True(status == response.StatusCode, $"{kind}: {url} answered {(int)response.StatusCode}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var broken = ObservatoryRules.Check(response, body, isHttps: true);
        Assert.True(broken.Count == 0, $"{kind} ({url}) breaks: \n" + string.Join("\n", broken));
    }

    [Fact]
    public async Task A_signed_in_staff_page_passes_the_observatory_rules()
    {
        var staff = new StaffSession(app);
        await staff.SetUpAdministratorAsync("headers-admin@example.org");
        var response = await staff.Client.GetAsync("/admin", Token);
        var body = await response.Content.ReadAsByteArrayAsync(Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The session's own client speaks plain HTTP (no HSTS, cookies not Secure there); the rest must hold.
        var broken = ObservatoryRules.Check(response, body, isHttps: false);
        Assert.True(broken.Count == 0, "/admin breaks: \n" + string.Join("\n", broken));
    }

    /// <summary>The rules, each returning what it found wrong; an empty list is a pass.</summary>
    public static class ObservatoryRules
    {
        private static readonly HtmlParser Parser = new();
        private static readonly string[] SafeReferrerPolicies = ["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"];
        private static readonly string[] BroadSources = ["*", "http:", "https:", "data:", "'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"];
        private const int SixMonths = 15_768_000;

        public static List<string> Check(HttpResponseMessage response, byte[] body, bool isHttps)
        {
            ArgumentNullException.ThrowIfNull(response);
            var broken = new List<string>();
            string? Header(string name) => response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;
            var path = response.RequestMessage?.RequestUri?.AbsolutePath ?? "";
            var isStaff = path.StartsWith("/portal", StringComparison.Ordinal) || path.StartsWith("/admin", StringComparison.Ordinal);

            // Content-Security-Policy: present, scripts from our origin only (no inline, no eval, no broad sources),
            // no plugins, no <base> hijack, forms post to us, and no framing.
            var policy = (Header("Content-Security-Policy") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(d => d.Length > 0)
                .ToDictionary(d => d[0].ToLowerInvariant(), d => d.Skip(1).ToArray(), StringComparer.Ordinal);
            if (policy.Count == 0)
            {
                broken.Add("no Content-Security-Policy");
            }
            else
            {
                string[]? Effective(string directive) => policy.TryGetValue(directive, out var sources) ? sources : policy.GetValueOrDefault("default-src");
                foreach (var directive in new[] { "script-src", "style-src", "object-src", "default-src" })
                {
                    if (Effective(directive) is not { } sources)
                    {
                        broken.Add($"CSP has neither {directive} nor default-src");
                    }
                    else if (sources.Intersect(BroadSources, StringComparer.OrdinalIgnoreCase).ToList() is { Count: > 0 } unsafeSources)
                    {
                        broken.Add($"CSP {directive} allows {string.Join(' ', unsafeSources)}");
                    }
                }

                if (Effective("object-src") is not ["'none'"])
                {
                    broken.Add("CSP object-src (or default-src) is not 'none'");
                }

                foreach (var required in new[] { "base-uri", "form-action" })
                {
                    if (!policy.ContainsKey(required))
                    {
                        broken.Add($"CSP has no {required}");
                    }
                }

                if (!policy.TryGetValue("frame-ancestors", out var ancestors) || ancestors is not (["'none'"] or ["'self'"]))
                {
                    if (Header("X-Frame-Options") is not ("DENY" or "SAMEORIGIN"))
                    {
                        broken.Add("neither CSP frame-ancestors 'none'/'self' nor X-Frame-Options DENY/SAMEORIGIN");
                    }
                }
            }

            if (Header("X-Content-Type-Options") != "nosniff")
            {
                broken.Add($"X-Content-Type-Options is '{Header("X-Content-Type-Options")}', not nosniff");
            }

            if (Header("Referrer-Policy")?.Split(',').Select(p => p.Trim()).LastOrDefault() is not { } referrer || !SafeReferrerPolicies.Contains(referrer))
            {
                broken.Add($"Referrer-Policy is '{Header("Referrer-Policy")}', not one that keeps the path private");
            }

            if (isHttps)
            {
                var hsts = Header("Strict-Transport-Security");
                var maxAge = hsts?.Split(';').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("max-age=", StringComparison.OrdinalIgnoreCase)) is { } age
                    && long.TryParse(age["max-age=".Length..], System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
                if (maxAge < SixMonths)
                {
                    broken.Add($"Strict-Transport-Security '{hsts}' is missing or shorter than six months");
                }
            }

            // Cookies: residents get none; staff cookies are Secure over HTTPS, HttpOnly, and SameSite Strict or Lax.
            var cookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
            if (!isStaff && cookies.Count > 0)
            {
                broken.Add($"a public response sets cookies: {string.Join("; ", cookies.Select(c => c.Split('=')[0]))}");
            }

            foreach (var cookie in cookies)
            {
                var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
                var name = cookie.Split('=')[0];
                if (isHttps && !attributes.Contains("secure"))
                {
                    broken.Add($"cookie {name} is not Secure");
                }

                if (!attributes.Contains("httponly"))
                {
                    broken.Add($"cookie {name} is not HttpOnly");
                }

                if (!attributes.Contains("samesite=strict") && !attributes.Contains("samesite=lax"))
                {
                    broken.Add($"cookie {name} has no SameSite=Strict or Lax");
                }
            }

            // CORS: nothing is shared with another origin's scripts; never a staff page, never with credentials.
            var allowOrigin = Header("Access-Control-Allow-Origin");
            if (isStaff && allowOrigin is not null)
            {
                broken.Add($"a staff response allows origin {allowOrigin}");
            }

            if (allowOrigin is not null && (allowOrigin == "https://evil.example" || (allowOrigin == "*" && Header("Access-Control-Allow-Credentials") == "true")))
            {
                broken.Add($"CORS gives {allowOrigin} to any origin (credentials: {Header("Access-Control-Allow-Credentials")})");
            }

            // A staff answer holds a person's data or a form token: no cache keeps it.
            if (isStaff && Header("Cache-Control")?.Contains("no-store", StringComparison.Ordinal) != true)
            {
                broken.Add($"a staff response may be stored (Cache-Control '{Header("Cache-Control")}')");
            }

            // Text says its encoding, so no browser guesses (and sniffs) one. JSON is UTF-8 by definition (RFC 8259),
            // so a JSON type may leave the charset out, but must not name another.
            var type = response.Content.Headers.ContentType;
            if (body.Length > 0 && type is null)
            {
                broken.Add("a body without Content-Type");
            }
            else if (type is { MediaType: { } media })
            {
                var isJson = media.EndsWith("/json", StringComparison.Ordinal) || media.EndsWith("+json", StringComparison.Ordinal);
                var isText = media.StartsWith("text/", StringComparison.Ordinal) || media.EndsWith("javascript", StringComparison.Ordinal);
                if ((isText && !string.Equals(type.CharSet, "utf-8", StringComparison.OrdinalIgnoreCase))
                    || (isJson && type.CharSet is not null && !string.Equals(type.CharSet, "utf-8", StringComparison.OrdinalIgnoreCase)))
                {
                    broken.Add($"{media} with charset '{type.CharSet}', not utf-8");
                }
            }

            if (type?.MediaType == "text/html")
            {
                broken.AddRange(CheckHtml(System.Text.Encoding.UTF8.GetString(body)));
            }

            return broken;
        }

        // What the policy would block anyway, or what would need Subresource Integrity: nothing inline, nothing from elsewhere.
        private static IEnumerable<string> CheckHtml(string html)
        {
            var document = Parser.ParseDocument(html);
            foreach (var script in document.Scripts)
            {
                if (script.Source is not { Length: > 0 } && script.Text.Trim().Length > 0 && script.Type is not "application/json")
                {
                    yield return "an inline <script>";
                }
            }

            foreach (var element in document.All)
            {
                if (element.Attributes.FirstOrDefault(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)) is { } handler)
                {
                    yield return $"an inline event handler {handler.Name} on <{element.LocalName}>";
                }

                if (element.HasAttribute("style"))
                {
                    yield return $"an inline style attribute on <{element.LocalName}>";
                }

                foreach (var attribute in new[] { "src", "href", "action", "formaction" })
                {
                    if (element.GetAttribute(attribute) is { } link && element.LocalName is not "a"
                        && (link.StartsWith("//", StringComparison.Ordinal) || (Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" && absolute.GetLeftPart(UriPartial.Authority) != Origin)))
                    {
                        yield return $"<{element.LocalName} {attribute}=\"{link}\"> loads from another origin";
                    }
                }
            }
        }
    }
}
