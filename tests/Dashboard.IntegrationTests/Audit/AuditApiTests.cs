using System.Text.Json.Nodes;
using Dashboard.Core.Audit;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Audit;

/// <summary>
/// <c>GET /api/v1/audit</c> over the demo app. Each test appends its own entries under an entity id of its own
/// (the demo seeding wrote some too), at times it chooses, and filters on them.
/// </summary>
public sealed class AuditApiTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private const string SupportToken = "dev-support-token";
    private static readonly DateTime Base = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task List_ReturnsTheContractShape_WithTheActorsEmailAndDataAsJson()
    {
        var id = NewId();
        var supportUserId = await UserIdAsync("support@demo.test");
        await AppendAsync(Base, new AuditRecord(supportUserId, "widget.checked", "widget", id, "a reason", new { count = 2, name = "x" }));
        using var client = app.CreateClient(SupportToken);

        var page = await (await client.GetAsync($"/api/v1/audit?entity=widget&entityId={id}")).JsonAsync();

        page.Keys().ShouldBe(["total", "items"]);
        page["total"]!.GetValue<long>().ShouldBe(1);
        var entry = page.Items().Single();
        entry.Keys().ShouldBe(["id", "at", "actor", "action", "entity", "entityId", "reason", "data"]);
        entry["id"]!.GetValue<long>().ShouldBeGreaterThan(0);
        entry["at"].Text().ShouldBe("2026-03-01T12:00:00Z");
        entry["actor"].Text().ShouldBe("support@demo.test");
        entry["action"].Text().ShouldBe("widget.checked");
        entry["entity"].Text().ShouldBe("widget");
        entry["entityId"].Text().ShouldBe(id);
        entry["reason"].Text().ShouldBe("a reason");
        entry["data"]!.AsObject()["count"]!.GetValue<int>().ShouldBe(2);
        entry["data"]!.AsObject()["name"].Text().ShouldBe("x");
    }

    [Fact]
    public async Task List_IsNewestFirst_AndPagesWithoutOverlap()
    {
        var id = NewId();
        for (var i = 0; i < 5; i++)
        {
            await AppendAsync(Base.AddMinutes(i), Record("system", id, $"step {i}"));
        }
        using var client = app.CreateClient(SupportToken);

        var first = await (await client.GetAsync($"/api/v1/audit?entity=widget:{id}&page=1&pageSize=2")).JsonAsync();
        var second = await (await client.GetAsync($"/api/v1/audit?entity=widget:{id}&page=2&pageSize=2")).JsonAsync();
        var third = await (await client.GetAsync($"/api/v1/audit?entity=widget:{id}&page=3&pageSize=2")).JsonAsync();
        var beyond = await (await client.GetAsync($"/api/v1/audit?entity=widget:{id}&page=4&pageSize=2")).JsonAsync();

        first["total"]!.GetValue<long>().ShouldBe(5);
        Reasons(first).Concat(Reasons(second)).Concat(Reasons(third))
            .ShouldBe(["step 4", "step 3", "step 2", "step 1", "step 0"]);
        beyond.Items().ShouldBeEmpty();
        beyond["total"]!.GetValue<long>().ShouldBe(5);
        var ids = first.Items().Concat(second.Items()).Select(e => e["id"]!.GetValue<long>()).ToList();
        ids.ShouldBe(ids.OrderDescending().ToList());
    }

    [Fact]
    public async Task List_ByActorEmail_InAnyCase_FindsThatUsersEntriesOnly()
    {
        var id = NewId();
        var supportUserId = await UserIdAsync("support@demo.test");
        var adminUserId = await UserIdAsync("admin@demo.test");
        await AppendAsync(Base, Record(supportUserId, id, "by support"));
        await AppendAsync(Base, Record(adminUserId, id, "by admin"));
        await AppendAsync(Base, Record("system", id, "by the system"));
        using var client = app.CreateClient(SupportToken);

        var bySupport = await (await client.GetAsync($"/api/v1/audit?actor=%20SUPPORT@demo.test%20&entityId={id}")).JsonAsync();
        var bySystem = await (await client.GetAsync($"/api/v1/audit?actor=system&entityId={id}")).JsonAsync();
        var byUserId = await (await client.GetAsync($"/api/v1/audit?actor={adminUserId}&entityId={id}")).JsonAsync();
        var byNobody = await (await client.GetAsync($"/api/v1/audit?actor=nobody@demo.test&entityId={id}")).JsonAsync();

        Reasons(bySupport).ShouldBe(["by support"]);
        Reasons(bySystem).ShouldBe(["by the system"]);
        Reasons(byUserId).ShouldBe(["by admin"]);
        bySystem.Items().Single()["actor"].Text().ShouldBe("system");
        byNobody["total"]!.GetValue<long>().ShouldBe(0);
    }

    [Fact]
    public async Task List_ByEntityTypeAlone_ListsOnlyThatType()
    {
        var id = NewId();
        var type = "gadget" + id[..8];
        await AppendAsync(Base, new AuditRecord("system", "gadget.made", type, "one"));
        await AppendAsync(Base, new AuditRecord("system", "gadget.made", type, "two"));
        await AppendAsync(Base, Record("system", id, "a widget"));
        using var client = app.CreateClient(SupportToken);

        var page = await (await client.GetAsync($"/api/v1/audit?entity={type}")).JsonAsync();

        page.Items().Select(e => e["entityId"].Text()).ShouldBe(["two", "one"]);
        page.Items().ShouldAllBe(e => e["entity"]!.GetValue<string>() == type);
    }

    [Fact]
    public async Task List_ByTimeRange_IncludesFromAndExcludesTo()
    {
        var id = NewId();
        await AppendAsync(Base.AddHours(-1), Record("system", id, "before"));
        await AppendAsync(Base, Record("system", id, "at from"));
        await AppendAsync(Base.AddMinutes(30), Record("system", id, "inside"));
        await AppendAsync(Base.AddHours(1), Record("system", id, "at to"));
        using var client = app.CreateClient(SupportToken);

        var utc = await (await client.GetAsync(
            $"/api/v1/audit?entityId={id}&from=2026-03-01T12:00:00Z&to=2026-03-01T13:00:00Z")).JsonAsync();
        // The same instants with an offset, and a date alone (midnight UTC).
        var offset = await (await client.GetAsync(
            $"/api/v1/audit?entityId={id}&from={Uri.EscapeDataString("2026-03-01T14:00:00+02:00")}&to={Uri.EscapeDataString("2026-03-01T15:00:00+02:00")}")).JsonAsync();
        var fromDate = await (await client.GetAsync($"/api/v1/audit?entityId={id}&from=2026-03-01&to=2026-03-02")).JsonAsync();

        Reasons(utc).ShouldBe(["inside", "at from"]);
        Reasons(offset).ShouldBe(["inside", "at from"]);
        Reasons(fromDate).ShouldBe(["at to", "inside", "at from", "before"]);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=x", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=01/02/2026", "from")]
    [InlineData("to=2026-13-01", "to")]
    [InlineData("to=2026-02-30T10:00:00Z", "to")]
    [InlineData("from=2026-03-02&to=2026-03-01", "from")]
    [InlineData("entity=widget:a&entityId=b", "entityId")]
    [InlineData("actor=x%00", "actor")]
    public async Task List_WithBadParameters_Returns400NamingTheField(string parameters, string field)
    {
        using var client = app.CreateClient(SupportToken);

        var response = await client.GetAsync($"/api/v1/audit?{parameters}");

        (await response.ValidationErrorsForAsync(field)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task List_FromEqualToTo_IsAllowedAndEmpty()
    {
        using var client = app.CreateClient(SupportToken);

        var page = await (await client.GetAsync("/api/v1/audit?from=2026-03-01T12:00:00Z&to=2026-03-01T12:00:00Z")).JsonAsync();

        page["total"]!.GetValue<long>().ShouldBe(0);
    }

    [Fact]
    public async Task Verify_OnTheDemoLog_IsOkAndCountsEveryEntry()
    {
        using var client = app.CreateClient("dev-admin-token");

        var result = await (await client.GetAsync("/api/v1/audit/verify")).JsonAsync();

        await using var db = app.CreateDbContext();
        result.Keys().ShouldBe(["ok", "entries", "firstBadEntry"]);
        result["ok"]!.GetValue<bool>().ShouldBeTrue();
        result["entries"]!.GetValue<long>().ShouldBe(await db.AuditEntries.LongCountAsync());
        result["firstBadEntry"].ShouldBeNull();
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static AuditRecord Record(string actor, string entityId, string reason) =>
        new(actor, "widget.changed", "widget", entityId, reason);

    private static IReadOnlyList<string> Reasons(JsonObject page) => page.Items().Select(e => e["reason"].Text()).ToList();

    private async Task AppendAsync(DateTime at, AuditRecord record)
    {
        await using var db = app.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        await new AuditLog(new FixedClock(at)).AppendAsync(db, record);
        await tx.CommitAsync();
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}

/// <summary>A clock that always says the same time: entries get the times a test chooses.</summary>
internal sealed class FixedClock(DateTime utc) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
}
