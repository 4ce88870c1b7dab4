namespace Dossier.Store;

/// <summary>
/// The locks a write transaction holds on the keys its reads decide on (see <see cref="WriteKeys"/>), so that writers
/// of different articles, entities and events proceed at once while two writers of the same ones take turns. Engines
/// with one writer (SQLite) need none: <see cref="None"/>. Keys are taken in batches; within a batch in one fixed order,
/// so that two writers' batches cannot wait for each other in a cycle (a lock taken later, a cluster's, may: the engine
/// then reports a deadlock and the transaction is written again).
/// </summary>
public abstract class WriteLocks
{
    /// <summary>No locks: the engine has one writer at a time.</summary>
    public static readonly WriteLocks None = new NoLocks();

    /// <summary>Whether keys are locked at all (when not, callers need not compute them).</summary>
    public abstract bool Active { get; }

    /// <summary>
    /// Locks the keys until the transaction ends: those of <paramref name="exclusive"/> alone, those of
    /// <paramref name="shared"/> beside other sharers (a shared key named in an earlier attempt's conflict is locked alone).
    /// </summary>
    public abstract void Take(IEnumerable<string> exclusive, IEnumerable<string> shared);

    /// <summary>
    /// Asserts that the transaction holds the key alone, before it writes a row that other writers' reads of the key would
    /// see (a new entity of a surname, a name of a new organization). Throws <see cref="WriteConflictException"/>
    /// when it holds the key shared only: the transaction is rolled back and written again with the key locked alone.
    /// </summary>
    public abstract void Require(string key);

    /// <summary>
    /// Locks a key found only as the transaction goes (a near-duplicate cluster), alone, when no other writer holds it;
    /// else throws <see cref="WriteConflictException"/>, and the transaction is written again with the key locked from its
    /// start, in order with the others (waiting here instead could close a cycle of writers waiting for one another).
    /// </summary>
    public abstract void TakeOrConflict(string key);

    private sealed class NoLocks : WriteLocks
    {
        public override bool Active => false;

        public override void Take(IEnumerable<string> exclusive, IEnumerable<string> shared)
        {
        }

        public override void Require(string key)
        {
        }

        public override void TakeOrConflict(string key)
        {
        }
    }
}

/// <summary>A write transaction that must be written again, with <see cref="Key"/> locked alone from its start.</summary>
public sealed class WriteConflictException(string key)
    : Exception($"the write needs the lock of '{key}' alone: written again")
{
    public string Key { get; } = key;
}
