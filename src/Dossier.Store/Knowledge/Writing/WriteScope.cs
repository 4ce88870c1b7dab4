namespace Dossier.Store;

/// <summary>What one write transaction carries from article to article.</summary>
internal sealed class WriteScope(SqlSession session, WriteLocks locks)
{
    public SqlSession Session { get; } = session;

    public WriteLocks Locks { get; } = locks;

    public AliasResolutions Aliases { get; } = new();

    public PendingCounts Counts { get; } = new();
}
