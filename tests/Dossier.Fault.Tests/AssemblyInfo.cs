// The tests start, kill and time real processes: one at a time, on a machine that may be busy with other work.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
