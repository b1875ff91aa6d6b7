using Npgsql;
using YamlDotNet.RepresentationModel;

namespace Dashboard.IntegrationTests.Deployment;

/// <summary>No Docker engine runs where these tests run: the compose file is checked as data.</summary>
public sealed class ComposeFileTests
{
    private static readonly string Text = RepositoryFiles.Read("docker-compose.yml");
    private readonly ComposeFile _compose = ComposeFile.Load(Text);

    [Fact]
    public void Compose_DefinesPostgresAndTheWebApp()
    {
        _compose.ServiceNames.ShouldBe(["postgres", "web"], ignoreOrder: true);
        (ComposeFile.Scalar(_compose.Service("postgres"), "image") ?? "").ShouldMatch(@"^postgres:1[5-9]");
    }

    [Fact]
    public void Postgres_HasAPgIsReadyHealthcheckForItsUserAndDatabase()
    {
        var postgres = _compose.Service("postgres");
        var environment = _compose.Environment("postgres");

        var test = ComposeFile.Child(ComposeFile.Child(postgres, "healthcheck"), "test");
        var command = test switch
        {
            YamlSequenceNode list => string.Join(' ', list.Children.Select(c => c.ToString())),
            YamlScalarNode scalar => scalar.Value!,
            _ => "",
        };
        command.ShouldContain("pg_isready");
        command.ShouldContain($"-U {environment["POSTGRES_USER"]}");
        command.ShouldContain($"-d {environment["POSTGRES_DB"]}");
    }

    [Fact]
    public void Postgres_KeepsItsDataInAVolume()
    {
        var volumes = (YamlSequenceNode)ComposeFile.Child(_compose.Service("postgres"), "volumes")!;

        volumes.Children.Select(v => v.ToString()).ShouldContain(v => v.EndsWith(":/var/lib/postgresql/data"));
    }

    [Fact]
    public void Web_StartsOnlyOncePostgresIsHealthy()
    {
        var dependsOn = ComposeFile.Child(_compose.Service("web"), "depends_on");

        ComposeFile.Scalar(ComposeFile.Child(dependsOn, "postgres"), "condition").ShouldBe("service_healthy");
    }

    [Fact]
    public void Web_ConnectionStringNamesThePostgresServiceAndItsCredentials()
    {
        var postgres = _compose.Environment("postgres");
        var web = _compose.Environment("web");

        var connection = new NpgsqlConnectionStringBuilder(web["ConnectionStrings__Dashboard"]);

        connection.Host.ShouldBe("postgres");
        connection.Port.ShouldBe(5432);
        connection.Database.ShouldBe(postgres["POSTGRES_DB"]);
        connection.Username.ShouldBe(postgres["POSTGRES_USER"]);
        connection.Password.ShouldBe(postgres["POSTGRES_PASSWORD"]);
    }

    [Fact]
    public void Web_IsBuiltFromTheDockerfileAndStartsInDevelopmentOnPort8080()
    {
        var web = _compose.Service("web");
        var build = ComposeFile.Child(web, "build");

        ComposeFile.Scalar(build, "context").ShouldBe(".");
        File.Exists(RepositoryFiles.PathOf(ComposeFile.Scalar(build, "dockerfile") ?? "Dockerfile")).ShouldBeTrue();
        _compose.Environment("web")["ASPNETCORE_ENVIRONMENT"].ShouldBe("Development");
        var ports = (YamlSequenceNode)ComposeFile.Child(web, "ports")!;
        ports.Children.Select(p => p.ToString()).ShouldContain("8080:8080");
    }

    [Fact]
    public void Comments_ShowTheProductionSettingsAndHowToCreateTheFirstAdmin()
    {
        Text.ShouldContain("ASPNETCORE_ENVIRONMENT: Production");
        Text.ShouldContain("Database__ApplyMigrationsOnStartup: \"true\"");
        Text.ShouldContain("docker compose run --rm web create-admin --email");
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Password=${POSTGRES_PASSWORD:-secret};x", "Password=secret;x")]
    [InlineData("${A:-}", "")]
    public void ResolveDefaults_UsesComposeDefaults(string value, string expected)
    {
        ComposeFile.ResolveDefaults(value).ShouldBe(expected);
    }

    [Fact]
    public void ResolveDefaults_WhenAVariableHasNoDefault_Throws()
    {
        Should.Throw<InvalidOperationException>(() => ComposeFile.ResolveDefaults("${POSTGRES_PASSWORD}"));
    }
}
