namespace Dossier.Store.Tests;

/// <summary>The knowledge store suite on embedded SQLite.</summary>
public sealed class SqliteKnowledgeStoreTests : KnowledgeStoreSuite
{
    private readonly TempFolder _folder = new();

    protected override IKnowledgeStore CreateStore() => SqliteKnowledgeStore.Open(_folder.File("k.db"));

    public override void Dispose()
    {
        _folder.Dispose();
        base.Dispose();
    }
}
