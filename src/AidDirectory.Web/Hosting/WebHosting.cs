using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using AidDirectory.Core.Deployment;
using AidDirectory.Core.Moderation;
using AidDirectory.Core.Schedules;
using AidDirectory.Data;
using AidDirectory.Web.Features.Search;
using AidDirectory.Web.Features.Health;
using AidDirectory.Web.Features.Listings;
using AidDirectory.Search.Indexing;
using AidDirectory.Web.Features.Shared;
using Microsoft.AspNetCore.Localization;
using AidDirectory.Web.Features.Drawing;
using AidDirectory.Web.Features.Map;
using AidDirectory.Web.Features.Printing;
using AidDirectory.Web.Features.Accounts;
using AidDirectory.Web.Features.Moderation;
using AidDirectory.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using NodaTime;

namespace AidDirectory.Web.Hosting;

internal static class WebHosting
{
    // The account pages a signed-out person must reach; every other portal page needs a sign-in.
    private static readonly string[] OpenAccountPages = ["Login", "LoginTwoFactor", "Logout", "Register", "Setup", "Denied"];

    public static IServiceCollection AddDirectoryWeb(this IServiceCollection services)
    {
        services.AddOptions<DeploymentOptions>().BindConfiguration(DeploymentOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => DateTimeZoneProviders.Tzdb.GetZoneOrNull(o.TimeZone) is not null,
                "Deployment:TimeZone must be an IANA zone id such as America/Chicago.")
            .Validate(o => string.IsNullOrEmpty(o.PublicUrl) || o.PublicRoot is not null,
                "Deployment:PublicUrl must be the site's public address, an absolute http or https URL without query or user name, such as https://directory.example.org.")
            .Validate<IHostEnvironment>((o, environment) => environment.IsDevelopment() || o.PublicRoot is not null,
                "Deployment:PublicUrl is required outside Development: set it to the address residents use, such as https://directory.example.org "
                + "(environment variable Deployment__PublicUrl). Links, QR codes and redirects start with it, and requests naming another host are refused.")
            .ValidateOnStart();
        services.AddPublicAddress();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => DateTimeZoneProviders.Tzdb[sp.GetRequiredService<IOptions<DeploymentOptions>>().Value.TimeZone]);
        services.AddSingleton(sp => new OpenNow(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<DateTimeZone>()));
        services.AddSingleton<ResidentFormat>();
        services.AddSingleton<OrganizationText>();
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new PublishedListingIndex(sp.GetRequiredService<OpenNow>()));
        services.AddSingleton<SearchIndexFeed>();
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<SearchIndexPoller>();
        services.AddSingleton<SearchCards>();
        services.AddSingleton<ListingSummaries>();
        services.AddOptions<MapOptions>().BindConfiguration(MapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AreaOutlines>();
        services.AddSingleton<BrowserMap>();
        services.AddSingleton<Typefaces>();
        services.AddSingleton<MapPainter>();
        services.AddSingleton<StaticMaps>();
        services.AddSingleton<FlyerDocument>();
        services.AddSingleton<Flyers>();
        services.AddOptions<FlyerOptions>().BindConfiguration(FlyerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FlyerDrawingLimit>();
        // Responses drawn from the index, kept per path, host and day until the index applies a new publish
        // sequence (issue 13, finding 7). The default policy stores only anonymous 200s without Set-Cookie.
        services.AddOutputCache(o => o.AddPolicy(FlyerApi.CachePolicy, b => b
            .SetVaryByQuery([]) // the path names the flyer: a made-up query string must not add entries
            .VaryByValue(FlyerApi.CacheVariant)
            .Tag(FlyerApi.CacheTag, SearchIndexFeed.CacheTag)
            .Expire(TimeSpan.FromDays(1))));
        services.AddSingleton<ListingDetails>();
        services.AddDirectoryAccounts();
        services.AddScoped<ListingPublisher>();
        services.AddScoped<ModerationDecisions>();
        services.AddScoped<ReportDecisions>();
        services.AddScoped<Features.Admin.Users.PersonalData>();
        services.AddScoped<SubmissionChanges>();
        services.AddScoped<PortalSubmissions>();
        services.AddOptions<ModerationOptions>().BindConfiguration(ModerationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ResidentReports>();
        services.AddScoped<ReporterNetworks>();
        services.AddScoped<Features.Moderation.StaleListings>();
        services.AddHostedService<HourlySweep>();
        services.AddOptions<Features.Mail.MailOptions>().BindConfiguration(Features.Mail.MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Features.Mail.OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Mail.OutboxSender>());
        services.AddSingleton<Features.Reports.ReportFormToken>();
        services.AddSingleton<Features.Reports.ReportLimiter>();
        services.AddSingleton<Features.Portal.Services.ServiceFormDraft>();

        // Write Spanish, Polish, Chinese and Arabic as themselves, not as &#x…; escapes: readable and far lighter.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization();
        services.Configure<RouteOptions>(o => o.ConstraintMap["lang"] = typeof(LanguageRouteConstraint));
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.Add(new PageMethods());
            o.Conventions.AuthorizeFolder("/Portal", AccountsSetup.EditorPolicy);
            foreach (var open in OpenAccountPages)
            {
                o.Conventions.AllowAnonymousToPage($"/Portal/Account/{open}");
            }

            o.Conventions.AddPageRoute("/Portal/Services/Editor", "portal/services/new");
            o.Conventions.AddPageRoute("/Portal/Services/Editor", "portal/submissions/{submission:guid}/resubmit");
            o.Conventions.AuthorizeFolder("/Admin", AccountsSetup.ModeratorPolicy);
            o.Conventions.AuthorizeFolder("/Admin/Audit", AccountsSetup.AdministratorPolicy);
            o.Conventions.AuthorizeFolder("/Admin/Users", AccountsSetup.AdministratorPolicy);
        });
        services.AddProblemDetails();
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false; // the operator's other sites under the same domain are not ours to pin
        });
        services.AddOpenApi();
        // Behind a reverse proxy on this machine (the default trusted proxy is loopback; more in
        // ForwardedHeaders:KnownProxies) the report limiter must see the resident's connection, not the
        // proxy's, or every resident would share one limit. The address is used for nothing else and never logged.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddResponseCompression(o =>
        {
            // Public pages carry no secrets (no cookies, no tokens), so compressing them over HTTPS is safe.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Append(GeoJson.MediaType);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Languages.All.Select(l => l.Culture).ToList();
            o.DefaultRequestCulture = new RequestCulture(Languages.Default);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // The language comes from the URL only: no cookie, and Accept-Language only on "/" (a redirect).
            o.RequestCultureProviders = [new CustomRequestCultureProvider(Languages.FromRoute), new ErrorPageCultureProvider()];
        });
        return services;
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DirectoryDatabase>().PrepareAsync(app.Lifetime.ApplicationStopping);
        await app.Services.GetRequiredService<AreaOutlines>().LoadAsync(scope.ServiceProvider.GetRequiredService<DirectoryDbContext>(), app.Lifetime.ApplicationStopping);
        await SetupLinks.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>());
        if ((await scope.ServiceProvider.GetRequiredService<UserManager<DirectoryUser>>().GetUsersInRoleAsync(Core.Accounts.Roles.Administrator)).Count == 0)
        {
            // Name the database only when it is a file: a PostgreSQL connection string may hold a password.
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().Database.GetDbConnection();
            AccountsLog.NoAdministrator(app.Logger, db is Microsoft.Data.Sqlite.SqliteConnection ? $"ConnectionStrings__Directory=\"Data Source={Path.GetFullPath(db.DataSource)}\" " : "");
        }

        await app.Services.GetRequiredService<SearchIndexFeed>().LoadAsync(app.Lifetime.ApplicationStopping);
        if (app.Services.GetRequiredService<PublishedListingIndex>().Analyzers.PolishDictionaryProblem is { } polish)
        {
            SearchLog.PolishDictionaryMissing(app.Logger, polish);
        }

        if (app.Services.GetRequiredService<Typefaces>().Missing is { Count: > 0 } missing)
        {
            DrawingLog.FontsMissing(app.Logger, string.Join("; ", missing));
        }
    }

    public static void UseDirectoryPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<ForwardedScheme>();
        // Sent only on HTTPS (behind a TLS proxy once its forwarded proto is trusted); never for localhost.
        app.UseHsts();
        app.UseMiddleware<PublicRequestLog>();
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<StaffCookies>();
        // Pages with antiforgery tokens and session cookies are not compressed (BREACH); public pages carry no secret.
        app.UseWhen(c => !StaffPaths.Contains(c.Request.Path), pages => pages.UseResponseCompression());
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase), api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase), pages => pages
            .UseExceptionHandler("/error")
            .UseStatusCodePagesWithReExecute("/error", "?status={0}"));
        app.UseMiddleware<UnreadableRequests>();
        app.UseMiddleware<DatabaseBusy>();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=86400",
        });
        app.UseRouting();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();
        app.MapRazorPages();
        app.MapServicesApi();
        app.MapMapApi();
        app.MapStaticMapApi();
        app.MapResultsMapApi();
        app.MapFlyerApi();
        app.MapHealthApi();
        app.MapOpenApi("/api/v1/openapi.json");
    }
}
