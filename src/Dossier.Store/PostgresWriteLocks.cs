using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Dossier.Store;

/// <summary>
/// <see cref="WriteLocks"/> as PostgreSQL transaction-level advisory locks (released at commit or rollback), one 64-bit
/// key per lock key: the first 8 bytes of its SHA-256, so that every replica, whatever its runtime, locks the same number
/// (<c>string.GetHashCode</c> differs per process; a collision only makes two keys take turns). A batch is locked in one
/// statement, in ascending key order, which <c>unnest</c> keeps.
/// </summary>
internal sealed class PostgresWriteLocks(SqlSession session, IReadOnlySet<string> alone) : WriteLocks
{
    /// <summary>The keys held, and whether alone.</summary>
    private readonly Dictionary<long, bool> _held = [];

    /// <summary>The keys <see cref="Require"/> found not held alone.</summary>
    private readonly HashSet<string> _missing = new(StringComparer.Ordinal);

    private double _waited;

    public override bool Active => true;

    public override double WaitedMilliseconds => _waited;

    public override void Take(IEnumerable<string> exclusive, IEnumerable<string> shared)
    {
        var wanted = Wanted(exclusive, shared);
        var keys = new List<long>(wanted.Count);
        var modes = new List<bool>(wanted.Count);
        foreach (var (key, exclusively) in wanted)
        {
            if (!_held.TryGetValue(key, out var held) || (exclusively && !held))
            {
                keys.Add(key);
                modes.Add(exclusively);
            }
        }

        if (keys.Count == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        session.Execute("""
            SELECT CASE WHEN alone THEN pg_advisory_xact_lock(key) ELSE pg_advisory_xact_lock_shared(key) END
            FROM unnest(@keys, @alone) AS t(key, alone)
            """, ("@keys", keys.ToArray()), ("@alone", modes.ToArray()));
        _waited += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        for (var i = 0; i < keys.Count; i++)
        {
            Hold(keys[i], modes[i]);
        }
    }

    /// <summary>
    /// Also plans the transaction's statements each for its own values (<c>plan_cache_mode</c>, for this transaction
    /// only): Npgsql prepares the statements, and the generic plan PostgreSQL settles on while a new store is small (a
    /// sequential scan of the near-duplicate bands, say) stays in use as the tables grow, until an analyze happens to
    /// invalidate it — measured on a fresh store (bench/Dossier.WriterBench), 2.5 times slower writes. Every write
    /// transaction starts here.
    /// </summary>
    public override StoredState TakeArticles(IReadOnlyList<string> ids, IReadOnlyList<string> names, IReadOnlyList<string> people)
    {
        var keys = ids.Select(id => Hash(WriteKeys.Document(id))).Distinct().Order().ToArray();
        var started = Stopwatch.GetTimestamp();
        using var command = session.Command("""
            SET LOCAL plan_cache_mode = force_custom_plan;
            SELECT pg_advisory_xact_lock(key) FROM unnest(@keys) AS t(key);
            SELECT id FROM documents WHERE id = ANY(@ids);
            SELECT DISTINCT a.alias_key FROM alias_index a JOIN entities e ON e.id = a.entity_id WHERE e.kind = 'organization' AND a.alias_key = ANY(@names);
            SELECT id FROM entities WHERE id = ANY(@people)
            """, ("@keys", keys), ("@ids", ids.ToArray()), ("@names", names.ToArray()), ("@people", people.ToArray()));
        using var reader = command.ExecuteReader();
        var sets = new List<HashSet<string>>();
        while (reader.NextResult())
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                set.Add(reader.GetString(0));
            }

            sets.Add(set);
        }

        _waited += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        foreach (var key in keys)
        {
            _held[key] = true;
        }

        return new StoredState(sets[0], sets[1], sets[2]);
    }

    /// <summary>One statement for all the sets: each key tried once per set (a key already held is granted again).</summary>
    public override IReadOnlyList<bool> TryTake(IReadOnlyList<(List<string> Alone, List<string> Shared)> sets)
    {
        var setOf = new List<int>();
        var keys = new List<long>();
        var modes = new List<bool>();
        for (var i = 0; i < sets.Count; i++)
        {
            foreach (var (key, exclusively) in Wanted(sets[i].Alone, sets[i].Shared))
            {
                setOf.Add(i);
                keys.Add(key);
                modes.Add(exclusively);
            }
        }

        var failed = session.Query("""
            SELECT set FROM unnest(@sets, @keys, @alone) AS t(set, key, alone)
            GROUP BY set
            HAVING NOT bool_and(CASE WHEN alone THEN pg_try_advisory_xact_lock(key) ELSE pg_try_advisory_xact_lock_shared(key) END)
            """, r => r.GetInt32(0), ("@sets", setOf.ToArray()), ("@keys", keys.ToArray()), ("@alone", modes.ToArray())).ToHashSet();
        for (var k = 0; k < keys.Count; k++)
        {
            if (!failed.Contains(setOf[k]))
            {
                Hold(keys[k], modes[k]);
            }
        }

        return Enumerable.Range(0, sets.Count).Select(i => !failed.Contains(i)).ToList();
    }

    public override void TakeOrConflict(string key)
    {
        var hash = Hash(key);
        if (_held.GetValueOrDefault(hash))
        {
            return;
        }

        if (!session.Scalar<bool>("SELECT pg_try_advisory_xact_lock(@key)", ("@key", hash)))
        {
            _missing.Add(key);
            throw new WriteConflictException(_missing);
        }

        _held[hash] = true;
    }

    public override void Require(string key)
    {
        if (!_held.GetValueOrDefault(Hash(key)))
        {
            _missing.Add(key);
        }
    }

    public override void ThrowIfMissing()
    {
        if (_missing.Count > 0)
        {
            throw new WriteConflictException(_missing);
        }
    }

    /// <summary>The lock numbers of the keys in ascending order, and whether each is wanted alone (so are the retry's keys).</summary>
    private SortedDictionary<long, bool> Wanted(IEnumerable<string> exclusive, IEnumerable<string> shared)
    {
        var wanted = new SortedDictionary<long, bool>();
        foreach (var key in exclusive.Concat(alone))
        {
            wanted[Hash(key)] = true;
        }

        foreach (var key in shared)
        {
            wanted.TryAdd(Hash(key), false);
        }

        return wanted;
    }

    /// <summary>Records a key as held (alone once it was taken alone).</summary>
    private void Hold(long key, bool exclusively) => _held[key] = exclusively || _held.GetValueOrDefault(key);

    private static long Hash(string key) => BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
