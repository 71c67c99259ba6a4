using AidDirectory.Data;
using AidDirectory.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.KeepResidentsOutOfLogs();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.Services.AddDirectoryData();
builder.Services.AddDirectoryWeb();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseDirectoryPipeline();
await app.RunAsync();

/// <summary>Entry point; public so that WebApplicationFactory can start it in tests.</summary>
public partial class Program;
