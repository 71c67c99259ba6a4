using System.CommandLine;
using AidDirectory.Cli;

return await DirectoryCli.InvokeAsync(args, new InvocationConfiguration(), CancellationToken.None);
