namespace Dossier.Cli;

/// <summary>A command was called in a way it cannot run (a missing folder, …): exit code 2, the message on stderr.</summary>
public sealed class UsageException(string message) : Exception(message);
