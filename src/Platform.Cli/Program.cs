using System.CommandLine;
using VideoPlatform.Cli;

var root = new RootCommand("Video platform command line: publish requests and follow them.");
root.Subcommands.Add(SubmitCommand.Create());
root.Subcommands.Add(LoadCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(CancelCommand.Create());
root.Subcommands.Add(WatchCommand.Create());
return await root.Parse(args).InvokeAsync();
