using System.Net;
using System.Net.Sockets;
using System.Text;
using AidDirectory.Core.Accounts;
using AidDirectory.Core.Deployment;
using AidDirectory.Web.Features.Mail;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime.Extensions;

namespace AidDirectory.Web.Tests.Moderation;

/// <summary>The outbox: kept and shown without mail; delivered by SMTP when configured, and kept with its error when the server refuses.</summary>
public sealed class OutboxTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Notifications_are_delivered_by_smtp_when_configured_and_kept_for_a_retry_when_refused()
    {
        var editor = new StaffSession(app);
        await editor.RegisterAsync("mail@outbox.example.org", "Mara Mail");
        var id = await app.WithDatabaseAsync(async db =>
        {
            var user = await db.Users.Where(u => u.Email == "mail@outbox.example.org").Select(u => u.Id).SingleAsync(Token);
            var notification = new Notification { Id = Guid.NewGuid(), UserId = user, Subject = "Is “Outbox Pantry” still accurate?", Body = "Please confirm it.", CreatedAt = app.Clock.GetCurrentInstant() };
            db.Notifications.Add(notification);
            await db.SaveChangesAsync(Token);
            return notification.Id;
        });

        // Without mail the notification waits, and the portal shows it.
        Assert.Contains("Is “Outbox Pantry” still accurate?", (await editor.GetAsync("/portal")).Text, StringComparison.Ordinal);

        using (var refusing = new FakeSmtpServer(refuseRecipients: true))
        {
            Assert.Equal(0, await Sender(refusing.Port).SendPendingAsync(Token));
        }

        var (sentAt, attempts, error) = await app.WithDatabaseAsync(db => db.Notifications.Where(n => n.Id == id).Select(n => ValueTuple.Create(n.SentAt, n.Attempts, n.LastError)).SingleAsync(Token));
        Assert.Equal((null, 1), (sentAt, attempts));
        Assert.Contains("mailbox unavailable", error, StringComparison.Ordinal);

        using var server = new FakeSmtpServer(refuseRecipients: false);
        Assert.Equal(1, await Sender(server.Port).SendPendingAsync(Token));
        var message = Assert.Single(server.Messages);
        Assert.Contains("RCPT TO:<mail@outbox.example.org>", message, StringComparison.Ordinal);
        Assert.Contains("Please confirm it.", message, StringComparison.Ordinal);
        Assert.Contains("https://directory.example.org/portal", message, StringComparison.Ordinal);
        Assert.NotNull(await app.WithDatabaseAsync(db => db.Notifications.Where(n => n.Id == id).Select(n => n.SentAt).SingleAsync(Token)));
        Assert.Equal(0, await Sender(server.Port).SendPendingAsync(Token));
    }

    [Fact]
    public async Task Two_senders_at_once_deliver_each_message_once()
    {
        var editor = new StaffSession(app);
        await editor.RegisterAsync("twice@outbox.example.org", "Tess Twice");
        await app.WithDatabaseAsync(async db =>
        {
            var user = await db.Users.Where(u => u.Email == "twice@outbox.example.org").Select(u => u.Id).SingleAsync(Token);
            db.Notifications.AddRange(Enumerable.Range(0, 8).Select(i => new Notification
            {
                Id = Guid.NewGuid(), UserId = user, Subject = $"Message {i}", Body = $"Body {i}", CreatedAt = app.Clock.GetCurrentInstant(),
            }));
            return await db.SaveChangesAsync(Token);
        });
        using var server = new FakeSmtpServer(refuseRecipients: false);
        var sent = await Task.WhenAll(Sender(server.Port).SendPendingAsync(Token), Sender(server.Port).SendPendingAsync(Token));
        Assert.Equal(8, sent.Sum());
        Assert.Equal(8, server.Messages.Count(m => m.Contains("twice@outbox.example.org", StringComparison.Ordinal)));
        Assert.Equal(8, server.Messages.Where(m => m.Contains("twice@outbox.example.org", StringComparison.Ordinal)).Select(m => System.Text.RegularExpressions.Regex.Match(m, "Body [0-9]").Value).Distinct().Count());
    }

    private OutboxSender Sender(int port) => new(
        app.Services.GetRequiredService<IServiceScopeFactory>(),
        Options.Create(new MailOptions { SmtpHost = "127.0.0.1", SmtpPort = port, UseStartTls = false, From = "directory@example.org" }),
        Options.Create(new DeploymentOptions { PublicUrl = "https://directory.example.org" }),
        app.Clock,
        NullLogger<OutboxSender>.Instance);

    /// <summary>Just enough SMTP (RFC 5321) to accept or refuse messages and keep what it received.</summary>
    private sealed class FakeSmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();

        public FakeSmtpServer(bool refuseRecipients)
        {
            _listener.Start();
            _ = Task.Run(() => ServeAsync(refuseRecipients));
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public List<string> Messages { get; } = [];

        private async Task ServeAsync(bool refuse)
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                await using var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 fake ESMTP");
                var transcript = new StringBuilder();
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    transcript.AppendLine(line);
                    var verb = line.Split(' ')[0].ToUpperInvariant();
                    if (verb is "EHLO" or "HELO")
                    {
                        await writer.WriteLineAsync("250 fake");
                    }
                    else if (verb == "RCPT" && refuse)
                    {
                        await writer.WriteLineAsync("550 mailbox unavailable");
                    }
                    else if (verb == "DATA")
                    {
                        await writer.WriteLineAsync("354 go on");
                        while (await reader.ReadLineAsync(_stop.Token) is { } data && data != ".")
                        {
                            transcript.AppendLine(data);
                        }

                        lock (Messages)
                        {
                            Messages.Add(transcript.ToString());
                        }

                        transcript.Clear();

                        await writer.WriteLineAsync("250 queued");
                    }
                    else if (verb == "QUIT")
                    {
                        await writer.WriteLineAsync("221 bye");
                        break;
                    }
                    else
                    {
                        await writer.WriteLineAsync(verb == "RSET" || verb == "MAIL" || verb == "RCPT" || verb == "NOOP" ? "250 ok" : "502 not here");
                    }
                }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }
    }
}
