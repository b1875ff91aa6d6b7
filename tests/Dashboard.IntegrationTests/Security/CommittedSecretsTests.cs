using Dashboard.IntegrationTests.Deployment;

namespace Dashboard.IntegrationTests.Security;

public sealed class CommittedSecretsTests
{
    [Fact]
    public void TrackedFiles_HoldNoSecretBeyondTheDocumentedDevelopmentOnes()
    {
        var files = CommittedSecrets.TrackedFiles(RepositoryFiles.Root);
        files.Count.ShouldBeGreaterThan(100, "the repository's files were not found");
        files.ShouldContain(f => f.EndsWith("docker-compose.yml", StringComparison.Ordinal));

        var findings = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine(RepositoryFiles.Root, file);
            if (!File.Exists(path) || new FileInfo(path).Length > 4_000_000)
            {
                continue;
            }
            var text = File.ReadAllText(path);
            if (text.Contains('\0', StringComparison.Ordinal))
            {
                text = "";   // binary (screenshots): only its name is judged
            }
            findings.AddRange(CommittedSecrets.Find(file, text).Select(f => $"{file}: {f}"));
        }

        findings.ShouldBeEmpty(string.Join('\n', findings));
    }

    // The scanner itself, on samples built at run time (written out whole they would be findings in this file).
    public static TheoryData<string, string, bool> Samples => new()
    {
        { "appsettings.Production.json", "\"Dashboard\": \"Host=db;Username=app;Pass" + "word=hunter2-prod\"", true },
        { "docker-compose.yml", "Host=postgres;Database=dashboard;Pass" + "word=${POSTGRES_PASSWORD:-dashboard-dev-only}", false },
        { "docker-compose.yml", "Host=postgres;Database=dashboard;Pass" + "word=${POSTGRES_PASSWORD:-real-one}", true },
        { "docker-compose.yml", "Host=postgres;Pass" + "word=${POSTGRES_PASSWORD:?set it}", false },
        { "docker-compose.yml", "POSTGRES_" + "PASSWORD: s3cr3t", true },
        { "run.sh", "export PG" + "PASSWORD=s3cr3t", true },
        { "notes.md", "-----BEGIN " + "RSA PRIVATE KEY-----\nMIIE", true },
        { "notes.md", "-----BEGIN " + "CERTIFICATE-----", false },
        { "server.pfx", "", true },
        { ".env", "X=1", true },
        { "Seed.cs", "var key = \"fdb_" + new string('A', 43) + "\";", true },
        { "Seed.cs", "var key = \"dev-bridge-google-assistant\";", false },
        { "deploy.yml", "aws_key: AKIA" + "ABCDEFGHIJKLMNOP", true },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Scanner_FindsCommittedSecrets_AndLetsTheDocumentedOnesBe(string file, string text, bool finding)
    {
        CommittedSecrets.Find(file, text).Any().ShouldBe(finding, string.Join('\n', CommittedSecrets.Find(file, text)));
    }
}
