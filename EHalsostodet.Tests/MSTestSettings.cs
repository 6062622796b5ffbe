// Test classes run side by side, each on its own portal (or the shared seeded one, which they only
// read); classes that measure time or use process-wide state carry [DoNotParallelize] and run alone.
[assembly: Parallelize(Workers = 4, Scope = ExecutionScope.ClassLevel)]
