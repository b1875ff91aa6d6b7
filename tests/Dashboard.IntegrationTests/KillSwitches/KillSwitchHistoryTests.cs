using Dashboard.Core.Data;
using Dashboard.Core.KillSwitches;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.IntegrationTests.Integrations;
using static Dashboard.IntegrationTests.Integrations.AdminFleet;

namespace Dashboard.IntegrationTests.KillSwitches;

public sealed class KillSwitchHistoryTests : IAsyncLifetime
{
    private static readonly DateTime T0 = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);
    private static readonly KillSwitchScope Google = new() { Integration = "google-assistant" };

    private string connectionString = "";
    private AdminFleet Fleet => new(connectionString);
    private KillSwitchHistory History => new(Fleet);

    public async Task InitializeAsync() => connectionString = await TestPostgres.CreateDatabaseAsync(nameof(KillSwitchHistoryTests));

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(connectionString);

    [Fact]
    public async Task ListAsync_Denying_ListsActiveAndPendingNewestFirst_WithPeopleByEmail()
    {
        var ada = User("ada@demo.test");
        var bo = User("bo@demo.test");
        var older = Switch(Google, ada.Id, T0);
        var pending = Switch(Google, ada.Id, T0.AddMinutes(5));
        pending.LiftRequestedBy = ada.Id;
        pending.LiftRequestedAt = T0.AddMinutes(6);
        pending.LiftReason = "fixed";
        var lifted = Switch(Google, bo.Id, T0.AddMinutes(10));
        lifted.LiftRequestedBy = bo.Id;
        lifted.LiftRequestedAt = T0.AddMinutes(11);
        lifted.LiftApprovedBy = ada.Id;
        lifted.LiftApprovedAt = T0.AddMinutes(12);
        await SaveAsync(ada, bo, older, pending, lifted);

        var page = await History.ListAsync(KillSwitchListFilter.Denying, PageRequest.First());

        page.Total.ShouldBe(2);
        page.Items.Select(k => k.Id).ShouldBe([pending.Id, older.Id]);
        var first = page.Items[0];
        first.Status.ShouldBe(KillSwitchStatus.PendingApproval);
        first.ActivatedBy.ShouldBe(new StaffMember(ada.Id, "ada@demo.test"));
        first.LiftRequestedBy.ShouldBe(new StaffMember(ada.Id, "ada@demo.test"));
        first.LiftReason.ShouldBe("fixed");
        first.LiftApprovedBy.ShouldBeNull();
        page.Items[1].Status.ShouldBe(KillSwitchStatus.Active);
        page.Items[1].LiftRequestedBy.ShouldBeNull();
    }

    [Fact]
    public async Task ListAsync_Lifted_PagesByLiftTimeNewestFirst_AndNamesAGoneUserById()
    {
        var ada = User("ada@demo.test");
        var switches = Enumerable.Range(0, 3).Select(i =>
        {
            var s = Switch(Google, ada.Id, T0.AddMinutes(i));
            s.LiftRequestedBy = "gone-user";
            s.LiftRequestedAt = T0.AddMinutes(10 + i);
            s.LiftApprovedBy = ada.Id;
            s.LiftApprovedAt = T0.AddMinutes(20 - i); // the first fired was lifted last
            return s;
        }).ToArray();
        await SaveAsync([ada, .. switches]);

        var first = await History.ListAsync(KillSwitchListFilter.Lifted, new PageRequest(1, 2));
        var second = await History.ListAsync(KillSwitchListFilter.Lifted, new PageRequest(2, 2));
        var beyond = await History.ListAsync(KillSwitchListFilter.Lifted, new PageRequest(3, 2));

        first.Total.ShouldBe(3);
        first.Items.Select(k => k.Id).ShouldBe([switches[0].Id, switches[1].Id]);
        second.Items.Select(k => k.Id).ShouldBe([switches[2].Id]);
        beyond.Items.ShouldBeEmpty();
        first.Items[0].Status.ShouldBe(KillSwitchStatus.Lifted);
        first.Items[0].LiftRequestedBy.ShouldBe(new StaffMember("gone-user", "gone-user"));
        first.Items[0].LiftApprovedBy!.Display.ShouldBe("ada@demo.test");
    }

    private async Task SaveAsync(params object[] rows)
    {
        await using var db = Fleet.CreateDbContext();
        db.AddRange(rows);
        await db.SaveChangesAsync();
    }
}
