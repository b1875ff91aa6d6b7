// Each collection runs its own app and Chromium; one at a time is what a two-core machine can carry.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
