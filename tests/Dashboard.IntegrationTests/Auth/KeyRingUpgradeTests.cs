using Dashboard.Core.Data;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Migrations;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dashboard.IntegrationTests.Auth;

/// <summary>
/// Keys written to <c>data_protection_keys</c> before the Data Protection EF Core package took over the table
/// (docs/decisions/0021) still unprotect what they protected: sign-in cookies survive the upgrade.
/// </summary>
public sealed class KeyRingUpgradeTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly DirectoryInfo oldRing = Directory.CreateTempSubdirectory("dashboard-keyring-");

    public void Dispose() => oldRing.Delete(recursive: true);

    [Fact]
    public async Task KeyRowWrittenAsBefore_UnprotectsItsPayload_ThroughThePackageRepository()
    {
        // A key ring of this app's name, as the earlier repository stored it: one row per key element,
        // friendly name and the element's unindented XML.
        var protectedBefore = DataProtectionProvider.Create(oldRing, b => b.SetApplicationName(AuthSetup.DataProtectionApplicationName))
            .CreateProtector("cookie").Protect("signed-in as alice");
        var keyFile = oldRing.GetFiles("key-*.xml").ShouldHaveSingleItem();
        var keyXml = System.Xml.Linq.XElement.Load(keyFile.FullName).ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                "INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@name, @xml)", connection);
            insert.Parameters.AddWithValue("name", Path.GetFileNameWithoutExtension(keyFile.Name));
            insert.Parameters.AddWithValue("xml", keyXml);
            await insert.ExecuteNonQueryAsync();
        }

        await using var services = PackageKeyRing(database.ConnectionString);
        var provider = services.GetRequiredService<IDataProtectionProvider>();

        provider.CreateProtector("cookie").Unprotect(protectedBefore).ShouldBe("signed-in as alice");
    }

    [Fact]
    public async Task FirstKey_IsStoredAsARowOfTheSameTable()
    {
        var empty = await TestPostgres.CreateDatabaseAsync("keyring");
        try
        {
            await using (var services = PackageKeyRing(empty))
            {
                services.GetRequiredService<IDataProtectionProvider>().CreateProtector("x").Protect("y");
            }

            await using var db = TestPostgres.CreateDbContext(empty);
            var key = await db.DataProtectionKeys.SingleAsync();
            key.Xml!.ShouldStartWith("<key id=");
            key.FriendlyName!.ShouldStartWith("key-");
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(empty);
        }
    }

    /// <summary>The key ring as the app configures it (application name, keys in the DbContext), without the app.</summary>
    private static ServiceProvider PackageKeyRing(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContextFactory<DashboardDbContext>(o => DashboardDb.Configure(o, connectionString));
        services.AddDataProtection()
            .SetApplicationName(AuthSetup.DataProtectionApplicationName)
            .PersistKeysToDbContext<DashboardDbContext>();
        return services.BuildServiceProvider();
    }
}
