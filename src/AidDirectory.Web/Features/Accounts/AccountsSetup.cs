using AidDirectory.Core.Accounts;
using AidDirectory.Data;
using AidDirectory.Data.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace AidDirectory.Web.Features.Accounts;

/// <summary>
/// Accounts for organizations' editors, moderators and administrators (ASP.NET Core Identity on our
/// DbContext). Residents never sign in: the cookies this sets are scoped to <see cref="StaffPaths"/> by
/// <see cref="StaffCookies"/>, so a public page never receives or sets one.
/// </summary>
internal static class AccountsSetup
{
    /// <summary>Any signed-in person: the organization portal.</summary>
    public const string EditorPolicy = "Editor";
    /// <summary>Moderators and administrators who signed in with their second factor: the queue.</summary>
    public const string ModeratorPolicy = "Moderator";
    /// <summary>Administrators who signed in with their second factor: users, roles, the audit log.</summary>
    public const string AdministratorPolicy = "Administrator";

    /// <summary>ASP.NET Core Identity adds this claim value when a sign-in used a second factor.</summary>
    public const string MultiFactorClaim = "amr";
    public const string MultiFactorValue = "mfa";

    public const string LoginPath = "/portal/account/login";

    public static IServiceCollection AddDirectoryAccounts(this IServiceCollection services)
    {
        // One key ring in the database: every web process behind a load balancer reads the same sign-in
        // cookies and report-form tokens, and a restart signs no one out.
        services.AddDataProtection().SetApplicationName("AidDirectory").PersistKeysToDbContext<DirectoryDbContext>();
        services.AddIdentity<DirectoryUser, IdentityRole<Guid>>(o =>
            {
                // Length over composition rules (NIST SP 800-63B): 12 characters, not a run of one character.
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 5;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                // No lockout: with it, five wrong passwords from anywhere locked any account (issue 13, finding 4).
                // SignInThrottle slows guessing per network instead. Accounts made before keep LockoutEnabled,
                // so failures must never reach a count that locks; erasure still locks an account for good.
                o.Lockout.AllowedForNewUsers = false;
                o.Lockout.MaxFailedAccessAttempts = int.MaxValue;
                o.User.RequireUniqueEmail = true;
                o.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticator.ProviderName;
            })
            .AddEntityFrameworkStores<DirectoryDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticator>(SingleUseAuthenticator.ProviderName)
            .AddSignInManager<StaffSignInManager>()
            .AddPasswordValidator<PasswordNotEmail>();
        services.AddSingleton<SignInThrottle>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "aid.session";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = LoginPath;
            o.LogoutPath = "/portal/account/logout";
            o.AccessDeniedPath = "/portal/account/denied";
            // Every request checks the session's security stamp against the account (one read by key), so a
            // cookie copied before signing out, a removed role or an erased person stops working at once. Identity's
            // own check only runs once its interval has passed, and then also refreshes the roles in the cookie.
            o.Events.OnValidatePrincipal = async context =>
            {
                var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<DirectoryUser>>();
                if (await signIn.ValidateSecurityStampAsync(context.Principal) is null)
                {
                    context.RejectPrincipal();
                    await signIn.SignOutAsync();
                    return;
                }

                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
        });
        // Every 5 minutes the session's roles are read again, and the refresh keeps the "signed in with a second
        // factor" claim, which Identity would otherwise drop and leave moderators locked out mid-session.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(c => c.Type == MultiFactorClaim && c.Value == MultiFactorValue) is { } factor
                    && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity
                    && !identity.HasClaim(MultiFactorClaim, MultiFactorValue))
                {
                    identity.AddClaim(new System.Security.Claims.Claim(factor.Type, factor.Value));
                }

                return Task.CompletedTask;
            };
        });
        // Over HTTPS every cookie is Secure, and Strict wherever the flow allows: the form token, the message
        // shown after a redirect (TempData) and the half-finished two-factor sign-in never come from elsewhere.
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "aid.form";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(EditorPolicy, p => p.RequireAuthenticatedUser())
            .AddPolicy(ModeratorPolicy, p => p.RequireRole(Roles.Moderator, Roles.Administrator).RequireClaim(MultiFactorClaim, MultiFactorValue))
            .AddPolicy(AdministratorPolicy, p => p.RequireRole(Roles.Administrator).RequireClaim(MultiFactorClaim, MultiFactorValue));
        return services;
    }
}
