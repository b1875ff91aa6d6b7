namespace Dashboard.IntegrationTests.LocalPostgres;

/// <summary>These tests start and stop their own clusters; one at a time keeps the 2-core machine responsive.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LocalPostgresCollection
{
    public const string Name = "LocalPostgres";
}
