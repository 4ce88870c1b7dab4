using Dossier.Cli.Syntax;

// The commands, their options and exit codes: Syntax/DossierCommandLine.cs. Ctrl+C cancels the running command.
return await DossierCommandLine.RunAsync(args, CliContext.ForConsole());
