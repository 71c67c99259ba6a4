using AidDirectory.Core;
using AidDirectory.Core.Deployment;
using AidDirectory.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime.Extensions;

namespace AidDirectory.Web.Features.Mail;

/// <summary>
/// Delivers the outbox by SMTP (MailKit) when <see cref="MailOptions.SmtpHost"/> is configured: every minute,
/// the unsent notifications, each marked sent or its error kept for the next try (five tries). Erased
/// accounts get nothing.
/// </summary>
public sealed partial class OutboxSender(IServiceScopeFactory scopes, IOptions<MailOptions> options, IOptions<DeploymentOptions> deployment, TimeProvider time, ILogger<OutboxSender> logger) : BackgroundService
{
    public const int MaxAttempts = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            NotConfigured(logger);
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        do
        {
            try
            {
                await SendPendingAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // The database or the mail server is away for a moment: the outbox keeps everything for the next minute.
                RunFailed(logger, failure);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Sends what is waiting; returns how many were sent.</summary>
    public async Task<int> SendPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var waiting = await db.Notifications
            .Where(n => n.SentAt == null && n.Attempts < MaxAttempts)
            .Join(db.Users.Where(u => u.ErasedAt == null && u.Email != null), n => n.UserId, u => u.Id, (n, u) => new { Notification = n, u.Email, u.DisplayName })
            .OrderBy(x => x.Notification.CreatedAt).Take(50)
            .ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return 0;
        }

        var o = options.Value;
        // Links in mail start with the public address only (never a request's Host); unset only in Development.
        var portal = deployment.Value.PublicRoot is { } root ? new Uri(root, "portal").AbsoluteUri : null;
        var sent = 0;
        using var smtp = new SmtpClient();
        try
        {
            // STARTTLS is required when asked for, never silently skipped (that would send the password in clear).
            var security = o.UseStartTls ? SecureSocketOptions.StartTls : o.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None;
            await smtp.ConnectAsync(o.SmtpHost!, o.SmtpPort, security, cancellationToken);
            if (!string.IsNullOrEmpty(o.Username))
            {
                await smtp.AuthenticateAsync(o.Username, o.Password ?? "", cancellationToken);
            }
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            ServerUnreachable(logger, o.SmtpHost!, failure);
            return 0;
        }

        foreach (var item in waiting)
        {
            var n = item.Notification;
            n.Attempts++;
            try
            {
                // The claim: saving the attempt checks the version, so of two web processes one sends it.
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.Entry(n).State = EntityState.Detached;
                continue;
            }

            try
            {
                using var message = new MimeMessage();
                message.From.Add(MailboxAddress.Parse(o.From ?? $"no-reply@{o.SmtpHost}"));
                message.To.Add(new MailboxAddress(item.DisplayName ?? item.Email, item.Email!));
                message.Subject = n.Subject;
                message.Body = new TextPart("plain") { Text = n.Body + (portal is null ? "" : $"\n\n{portal}") };
                await smtp.SendAsync(message, cancellationToken);
                n.SentAt = time.GetCurrentInstant();
                n.LastError = null;
                sent++;
            }
            catch (Exception failure) when (failure is SmtpCommandException or SmtpProtocolException or ParseException or IOException)
            {
                n.LastError = failure.Message.Clip(1000);
            }

            // Saved after each message, so a failure later in the batch cannot make this one go out twice.
            await db.SaveChangesAsync(cancellationToken);
        }

        await smtp.DisconnectAsync(quit: true, cancellationToken);
        return sent;
    }

    [LoggerMessage(4001, LogLevel.Information, "Mail is not configured (Mail:SmtpHost): organizations read their notifications in the portal")]
    private static partial void NotConfigured(ILogger logger);

    [LoggerMessage(4003, LogLevel.Warning, "Sending the outbox failed; it tries again in a minute")]
    private static partial void RunFailed(ILogger logger, Exception failure);

    [LoggerMessage(4002, LogLevel.Warning, "The mail server {Host} could not be reached; notifications stay in the outbox")]
    private static partial void ServerUnreachable(ILogger logger, string host, Exception failure);
}
