namespace Dossier.Domain;

/// <summary>
/// An article the rules refuse once it has been read (an HTML page whose text is over the limit): another attempt
/// would fail the same way. Doors answer it as an invalid argument.
/// </summary>
public sealed class ArticleRefusedException(string reason) : Exception(reason);
