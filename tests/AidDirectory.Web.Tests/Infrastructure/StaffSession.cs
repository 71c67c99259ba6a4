using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using AidDirectory.Data;
using AidDirectory.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Extensions;
using OtpNet;

namespace AidDirectory.Web.Tests.Infrastructure;

/// <summary>
/// A person in a browser without JavaScript: a cookie jar, forms read from the page (with their antiforgery
/// token) and posted back, redirects visible. Nothing here reaches around the site's HTTP interface except
/// making accounts and invitations, which in real life the command line or an administrator does. The browser's
/// machine has <c>address</c> (see <see cref="DirectoryApp.TestClientAddress"/>), or the test server's empty one.
/// </summary>
public sealed class StaffSession(DirectoryApp app, string? address = null)
{
    public const string Password = "correct horse battery staple";
    private static readonly HtmlParser Parser = new();

    /// <summary>The browser's cookie jar: it applies each cookie's path, as a browser does.</summary>
    public CookieContainer Cookies { get; } = new();

    public HttpClient Client => _client ??= NewClient();

    private HttpClient? _client;

    // The last 30-second step this person's phone showed a code for: the site takes each step's code once.
    private long _lastStep = -1;

    private HttpClient NewClient()
    {
        var client = app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(Cookies));
        if (address is not null)
        {
            client.DefaultRequestHeaders.Add(DirectoryApp.TestClientAddress.Header, address);
        }

        return client;
    }

    /// <summary>The authenticator key this person enrolled, to compute codes as their phone would.</summary>
    public string? AuthenticatorKey { get; private set; }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public sealed record Page(HttpStatusCode Status, IHtmlDocument Document, HttpResponseMessage Response)
    {
        public string Text => Document.Body?.TextContent ?? "";

        public string? Location => Response.Headers.Location?.OriginalString;
    }

    public async Task<Page> GetAsync(string url)
    {
        var response = await Client.GetAsync(url, Token);
        return new Page(response.StatusCode, Parser.ParseDocument(await response.Content.ReadAsStringAsync(Token)), response);
    }

    /// <summary>Opens <paramref name="url"/>, fills its form like a person would, and submits it.</summary>
    public async Task<Page> SubmitAsync(string url, Action<FormFields>? fill = null, string formSelector = "main form[method=post]", (string Name, string Value)? button = null)
    {
        var page = await GetAsync(url);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {url} answered {(int)page.Status}");
        return await PostAsync(page, url, fill, formSelector, button);
    }

    /// <summary>Submits a form of a page already opened.</summary>
    public async Task<Page> PostAsync(Page page, string url, Action<FormFields>? fill = null, string formSelector = "main form[method=post]", (string Name, string Value)? button = null)
    {
        var form = page.Document.QuerySelectorAll(formSelector).OfType<IHtmlFormElement>().FirstOrDefault()
            ?? throw new InvalidOperationException($"No form {formSelector} on {url}: {page.Text[..Math.Min(400, page.Text.Length)]}");
        var fields = FormFields.From(form);
        fill?.Invoke(fields);
        if (button is { } pressed)
        {
            fields.Set(pressed.Name, pressed.Value);
        }

        var action = form.GetAttribute("action") is { Length: > 0 } target ? target : url;
        using var content = new FormUrlEncodedContent(fields.Values);
        var response = await Client.PostAsync(action, content, Token);
        return new Page(response.StatusCode, Parser.ParseDocument(await response.Content.ReadAsStringAsync(Token)), response);
    }

    /// <summary>Registers an editor who speaks for a new organization with one published listing; returns the organization's id.</summary>
    public async Task<Guid> RegisterForNewOrganizationAsync(string email, string name, string category)
    {
        await RegisterAsync(email, name);
        return await app.WithDatabaseAsync(async db =>
        {
            var listing = new TestListing($"{name}'s first listing").InCategory(db, category);
            await listing.SaveAsync(db);
            var user = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
            db.OrganizationMembers.Add(new Core.Accounts.OrganizationMember { UserId = user, OrganizationId = listing.Service.OrganizationId });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return listing.Service.OrganizationId;
        });
    }

    /// <summary>
    /// An organization editor's way in: an invitation (what an administrator makes at /admin/users, or registering
    /// mails), then the one-time link and a password. Signed in afterwards.
    /// </summary>
    public async Task RegisterAsync(string email, string name)
    {
        string? token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            (_, token) = await SetupLinks.InviteEditorAsync(services.GetRequiredService<UserManager<DirectoryUser>>(), services.GetRequiredService<DirectoryDbContext>(),
                email, name, invitedBy: null, app.Clock.GetCurrentInstant(), Token);
        }

        Assert.NotNull(token);
        await SetUpFromLinkAsync($"/portal/account/setup?token={token}");
    }

    /// <summary>Opens a one-time setup link and chooses the password: signed in, and offered two-factor sign-in.</summary>
    public async Task SetUpFromLinkAsync(string link)
    {
        var page = await SubmitAsync(link, f => f.Set("Password", Password).Set("ConfirmPassword", Password));
        Assert.True(page.Status == HttpStatusCode.Redirect && page.Location == "/portal/account/two-factor", $"setup answered {(int)page.Status} {page.Location}: {page.Text}");
    }

    /// <summary>An account with <paramref name="role"/> and a password, signed in here, with two-factor turned on when asked.</summary>
    public async Task CreateAndSignInAsync(string email, string role, bool withTwoFactor)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DirectoryUser>>();
            var user = new DirectoryUser { UserName = email, Email = email, DisplayName = email.Split('@')[0], CreatedAt = app.Clock.GetCurrentInstant() };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        await SignInAsync(email);
        if (withTwoFactor)
        {
            await EnrolTwoFactorAsync();
        }
    }

    /// <summary>The first administrator's way in: the one-time link, a password, then two-factor.</summary>
    public async Task<string> SetUpAdministratorAsync(string email)
    {
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            (_, token) = await SetupLinks.CreateAdministratorAsync(
                services.GetRequiredService<UserManager<DirectoryUser>>(), services.GetRequiredService<RoleManager<Microsoft.AspNetCore.Identity.IdentityRole<Guid>>>(),
                services.GetRequiredService<DirectoryDbContext>(), email, "Admin " + email, app.Clock.GetCurrentInstant());
        }

        var link = $"/portal/account/setup?token={token}";
        var done = await SubmitAsync(link, f => f.Set("Password", Password).Set("ConfirmPassword", Password));
        Assert.Equal("/portal/account/two-factor", done.Location);
        await EnrolTwoFactorAsync();
        return link;
    }

    public async Task<Page> SignInAsync(string email, bool expectSuccess = true, string password = Password)
    {
        var page = await SubmitAsync("/portal/account/login", f => f.Set("Email", email).Set("Password", password));
        if (page.Location == "/portal/account/login/code")
        {
            page = await SubmitAsync("/portal/account/login/code", f => f.Set("Code", NextCode()));
        }

        if (expectSuccess)
        {
            Assert.True(page.Status == HttpStatusCode.Redirect && page.Location == "/portal", $"sign-in answered {(int)page.Status} {page.Location}: {page.Text}");
        }

        return page;
    }

    public async Task EnrolTwoFactorAsync()
    {
        var page = await GetAsync("/portal/account/two-factor");
        AuthenticatorKey = page.Document.QuerySelector("code[data-key]")?.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()
            ?? throw new InvalidOperationException("The two-factor page shows no key: " + page.Text);
        var done = await PostAsync(page, "/portal/account/two-factor", f => f.Set("Code", NextCode()));
        Assert.Contains("Your recovery codes", done.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// A code this person has not used yet, as their phone would show it by the site's clock: the current step's,
    /// else the next step's (the site allows one step of drift), else the phone waits for the next code (the
    /// test clock moves on 30 seconds).
    /// </summary>
    public string NextCode()
    {
        var step = Math.Max(StepAt(app.Clock.GetUtcNow()), _lastStep + 1);
        if (step > StepAt(app.Clock.GetUtcNow()) + 1)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(30));
            step = StepAt(app.Clock.GetUtcNow());
        }

        _lastStep = step;
        return CodeAt(step);
    }

    /// <summary>The code of the 30-second step <paramref name="step"/> (seconds since 1970 / 30).</summary>
    public string CodeAt(long step) =>
        new Totp(Base32Encoding.ToBytes(AuthenticatorKey ?? throw new InvalidOperationException("No key enrolled."))).ComputeTotp(DateTime.UnixEpoch.AddSeconds(step * 30));

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / 30;

    /// <summary>The cookies this browser would send with a request for <paramref name="path"/>.</summary>
    public IReadOnlyList<Cookie> CookiesFor(string path) => Cookies.GetCookies(new Uri(new Uri("http://localhost"), path)).ToList();

    /// <summary>Form fields in document order, as a browser would send them.</summary>
    public sealed class FormFields
    {
        public List<KeyValuePair<string, string>> Values { get; } = [];

        public static FormFields From(IHtmlFormElement form)
        {
            var fields = new FormFields();
            foreach (var element in form.Elements)
            {
                switch (element)
                {
                    case IHtmlInputElement { Name: { Length: > 0 } name } input when input.Type is "checkbox" or "radio":
                        if (input.IsChecked)
                        {
                            fields.Values.Add(new(name, input.Value));
                        }

                        break;
                    case IHtmlInputElement { Name: { Length: > 0 } name } input when input.Type is not ("submit" or "button"):
                        fields.Values.Add(new(name, input.Value));
                        break;
                    case IHtmlTextAreaElement { Name: { Length: > 0 } name } area:
                        fields.Values.Add(new(name, area.Value));
                        break;
                    case IHtmlSelectElement { Name: { Length: > 0 } name } select:
                        var chosen = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                        if (chosen is not null)
                        {
                            fields.Values.Add(new(name, chosen.Value));
                        }

                        break;
                }
            }

            return fields;
        }

        public string? this[string name] => Values.FirstOrDefault(v => v.Key == name).Value;

        /// <summary>Replaces every value of <paramref name="name"/> (adds it when absent).</summary>
        public FormFields Set(string name, string value)
        {
            var at = Values.FindIndex(v => v.Key == name);
            Values.RemoveAll(v => v.Key == name);
            Values.Insert(at < 0 ? Values.Count : at, new(name, value));
            return this;
        }

        /// <summary>Ticks one more checkbox of a group.</summary>
        public FormFields Add(string name, string value)
        {
            Values.Add(new(name, value));
            return this;
        }
    }
}
