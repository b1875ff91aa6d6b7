using Dashboard.LocalPostgres;

namespace Dashboard.UnitTests.LocalPostgres;

public sealed class TrustMigrationTests
{
    /// <summary>What initdb -A trust wrote for earlier versions (PostgreSQL 15), abridged.</summary>
    private const string TrustingHba = """
        # "local" is for Unix domain socket connections only
        local   all             all                                     trust
        # IPv4 local connections:
        host    all             all             127.0.0.1/32            trust
        # IPv6 local connections:
        host    all             all             ::1/128                 trust # kept comment
        local   replication     all                                     trust
        host    replication     all             127.0.0.1/32            trust
        hostssl trusted_db      all             127.0.0.1/32            md5
        """;

    [Fact]
    public void RequirePasswords_ReplacesEveryTrustMethod_AndKeepsTheRest()
    {
        var rewritten = TrustMigration.RequirePasswords(TrustingHba);

        rewritten.ShouldNotMatch(@"(?m)^\s*(local|host)\S*\s.*\btrust\b");
        rewritten.ShouldContain("host    all             all             127.0.0.1/32            scram-sha-256");
        rewritten.ShouldContain("host    all             all             ::1/128                 scram-sha-256 # kept comment");
        rewritten.ShouldContain("local   replication     all                                     scram-sha-256");
        rewritten.ShouldContain("hostssl trusted_db      all             127.0.0.1/32            md5");
        rewritten.ShouldContain("# \"local\" is for Unix domain socket connections only");
    }

    [Fact]
    public void RequirePasswords_LeavesADatabaseOrUserNamedTrustAlone()
    {
        const string hba = "host trust trust 127.0.0.1/32 scram-sha-256\n";

        TrustMigration.RequirePasswords(hba).ShouldBe(hba);
    }
}
