using Npgsql;
using YamlDotNet.RepresentationModel;

namespace Dashboard.IntegrationTests.Deployment;

/// <summary>No Docker engine runs where these tests run: the compose file is checked as data.</summary>
public sealed class ComposeFileTests
{
    private static readonly string Text = RepositoryFiles.Read("docker-compose.yml");
    private readonly ComposeFile _compose = ComposeFile.Load(Text);

    /// <summary>Where the app listens in its image (ASPNETCORE_HTTP_PORTS in the Dockerfile) and nginx in its own.</summary>
    private const string ReplicaPort = "8080";
    private const string ProxyPort = "80";

    public static TheoryData<string> Replicas => new(WebReplicas);

    private static readonly string[] WebReplicas = ["web-a", "web-b"];

    [Fact]
    public void Compose_DefinesPostgresTwoWebReplicasAndTheProxy()
    {
        _compose.ServiceNames.ShouldBe(["postgres", .. WebReplicas, "proxy"], ignoreOrder: true);
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

    [Theory]
    [MemberData(nameof(Replicas))]
    public void Web_StartsOnlyOncePostgresIsHealthy(string replica)
    {
        var dependsOn = ComposeFile.Child(_compose.Service(replica), "depends_on");

        ComposeFile.Scalar(ComposeFile.Child(dependsOn, "postgres"), "condition").ShouldBe("service_healthy");
    }

    [Theory]
    [MemberData(nameof(Replicas))]
    public void Web_ConnectionStringNamesThePostgresServiceAndItsCredentials(string replica)
    {
        var postgres = _compose.Environment("postgres");
        var web = _compose.Environment(replica);

        var connection = new NpgsqlConnectionStringBuilder(web["ConnectionStrings__Dashboard"]);

        connection.Host.ShouldBe("postgres");
        connection.Port.ShouldBe(5432);
        connection.Database.ShouldBe(postgres["POSTGRES_DB"]);
        connection.Username.ShouldBe(postgres["POSTGRES_USER"]);
        connection.Password.ShouldBe(postgres["POSTGRES_PASSWORD"]);
    }

    [Theory]
    [MemberData(nameof(Replicas))]
    public void Web_IsBuiltFromTheDockerfileAndStartsInDevelopment_WithNoPortOfItsOwn(string replica)
    {
        var web = _compose.Service(replica);
        var build = ComposeFile.Child(web, "build");

        ComposeFile.Scalar(build, "context").ShouldBe(".");
        File.Exists(RepositoryFiles.PathOf(ComposeFile.Scalar(build, "dockerfile") ?? "Dockerfile")).ShouldBeTrue();
        _compose.Environment(replica)["ASPNETCORE_ENVIRONMENT"].ShouldBe("Development");
        // Only through the proxy: a browser sent straight to a replica would bypass the affinity.
        ComposeFile.Child(web, "ports").ShouldBeNull();
        ComposeFile.Strings(ComposeFile.Child(web, "expose")).ShouldBe([ReplicaPort]);
    }

    [Theory]
    [MemberData(nameof(Replicas))]
    public void Web_TrustsTheProxysForwardedHeaders(string replica)
    {
        // Without it the sign-in rate limit would count every browser as the proxy's one address.
        _compose.Environment(replica)["ASPNETCORE_FORWARDEDHEADERS_ENABLED"].ShouldBe("true");
    }

    [Fact]
    public void Replicas_ShareOneDefinition()
    {
        // The same anchored mapping, so the two cannot drift apart (one migrating, the other not, say).
        _compose.Service("web-b").ShouldBeSameAs(_compose.Service("web-a"));
    }

    [Fact]
    public void Proxy_IsNginx_StartsAfterBothReplicas_AndAloneIsPublished()
    {
        var proxy = _compose.Service("proxy");

        (ComposeFile.Scalar(proxy, "image") ?? "").ShouldStartWith("nginx:");
        ComposeFile.Strings(ComposeFile.Child(proxy, "depends_on")).ShouldBe(WebReplicas, ignoreOrder: true);
        ComposeFile.Strings(ComposeFile.Child(proxy, "ports")).ShouldBe([$"8080:{ProxyPort}"]);
        _compose.ServiceNames.Where(s => s != "proxy").ShouldAllBe(s => ComposeFile.Child(_compose.Service(s), "ports") == null);
    }

    [Fact]
    public void Proxy_MountsTheRepositoryConfigOverTheImageDefaultSite()
    {
        var volumes = ComposeFile.Strings(ComposeFile.Child(_compose.Service("proxy"), "volumes"));

        var mount = volumes.ShouldHaveSingleItem().Split(':');
        mount[0].ShouldBe("./deploy/nginx.conf");
        mount[1].ShouldBe("/etc/nginx/conf.d/default.conf");
        mount.ElementAtOrDefault(2).ShouldBe("ro");
        File.Exists(RepositoryFiles.PathOf("deploy/nginx.conf")).ShouldBeTrue();
    }

    [Fact]
    public void ProxyConfig_ListensOnThePublishedPort_AndBalancesStickilyOverBothReplicasWithWebSockets()
    {
        var config = RepositoryFiles.Read("deploy/nginx.conf");

        config.ShouldContain($"listen {ProxyPort};");
        foreach (var replica in WebReplicas)
        {
            config.ShouldContain($"server {replica}:{ReplicaPort} ");
        }
        config.ShouldContain("hash $fleet_affinity consistent;");
        config.ShouldContain("proxy_set_header Upgrade $http_upgrade;");
        config.ShouldContain("proxy_set_header Connection $connection_upgrade;");
        config.ShouldContain("proxy_http_version 1.1;");
    }

    [Fact]
    public void Comments_ShowTheProductionSettingsAndHowToCreateTheFirstAdmin()
    {
        Text.ShouldContain("ASPNETCORE_ENVIRONMENT: Production");
        Text.ShouldContain("Database__ApplyMigrationsOnStartup: \"true\"");
        Text.ShouldContain("docker compose run --rm web-a create-admin --email");
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
