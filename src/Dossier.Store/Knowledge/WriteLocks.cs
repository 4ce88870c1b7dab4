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

    /// <summary>The time spent waiting for other writers' locks so far, in milliseconds.</summary>
    public virtual double WaitedMilliseconds => 0;

    /// <summary>
    /// Locks the articles' own keys (<see cref="WriteKeys.Document"/>, alone) and reads, in the same round trip where the
    /// engine can, which of the articles are stored, which of the folded names an organization has and which of the
    /// person ids are stored (a guess at what the write adds, read unlocked: see <see cref="Require"/>).
    /// </summary>
    public abstract StoredState TakeArticles(IReadOnlyList<string> ids, IReadOnlyList<string> names, IReadOnlyList<string> people);

    /// <summary>
    /// Locks the keys until the transaction ends: those of <paramref name="exclusive"/> alone, those of
    /// <paramref name="shared"/> beside other sharers (a shared key named in an earlier attempt's conflict is locked alone).
    /// </summary>
    public abstract void Take(IEnumerable<string> exclusive, IEnumerable<string> shared);

    /// <summary>
    /// Tries to lock each set of keys (alone, shared) without waiting, and returns for each whether the transaction now
    /// holds all of its keys. Keys of a set that failed may stay locked until the transaction ends.
    /// </summary>
    public abstract IReadOnlyList<bool> TryTake(IReadOnlyList<(List<string> Alone, List<string> Shared)> sets);

    /// <summary>
    /// Notes that the transaction must hold the key alone, as it writes a row that other writers' reads of the key would
    /// see (a new person of a surname, a name new to an organization). When it holds the key shared only, the
    /// transaction goes on (to find every such key) and <see cref="ThrowIfMissing"/> ends it.
    /// </summary>
    public abstract void Require(string key);

    /// <summary>
    /// Before the commit: throws <see cref="WriteConflictException"/> with the keys <see cref="Require"/> found not held
    /// alone; the transaction is rolled back and written again with them locked alone from its start.
    /// </summary>
    public abstract void ThrowIfMissing();

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

        public override StoredState TakeArticles(IReadOnlyList<string> ids, IReadOnlyList<string> names, IReadOnlyList<string> people) =>
            new(new HashSet<string>(), new HashSet<string>(), new HashSet<string>());

        public override void Require(string key)
        {
        }

        public override IReadOnlyList<bool> TryTake(IReadOnlyList<(List<string> Alone, List<string> Shared)> sets) => sets.Select(_ => true).ToList();

        public override void TakeOrConflict(string key)
        {
        }

        public override void ThrowIfMissing()
        {
        }
    }
}

/// <summary>What <see cref="WriteLocks.TakeArticles"/> read: the stored articles, known organization names, stored people.</summary>
public sealed record StoredState(IReadOnlySet<string> Stored, IReadOnlySet<string> KnownNames, IReadOnlySet<string> KnownPeople);

/// <summary>A write transaction that must be written again, with <see cref="Keys"/> locked alone from its start.</summary>
public sealed class WriteConflictException(IReadOnlyCollection<string> keys)
    : Exception($"the write needs {keys.Count} lock(s) alone ('{keys.First()}'…): written again")
{
    public IReadOnlyCollection<string> Keys { get; } = keys;
}
