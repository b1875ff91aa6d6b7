using Dashboard.Core.Data;
using Dashboard.Core.Devices;

namespace Dashboard.IntegrationTests.Api.Search;

public sealed class DeviceSearchTests(SearchFleetFixture fleet) : IClassFixture<SearchFleetFixture>
{
    private static readonly PageRequest Everything = new(1, PageRequest.MaxPageSize);

    [Theory]
    [InlineData("SRCH-000")]
    [InlineData("  srch-000  ")]
    [InlineData("Srch")]
    public async Task SearchAsync_WhenQueryIsASerialPrefixInAnyCase_ReturnsMatchesOrderedBySerial(string query)
    {
        var result = await fleet.Devices.SearchAsync(query, Everything);

        Serials(result).ShouldBe(["SRCH-0001", "SRCH-0002", "SRCH-0003", "SRCH-0004"]);
        result.Total.ShouldBe(4);
    }

    [Theory]
    [InlineData("0a:1b:2c:3d:4e", new[] { "SRCH-0001", "SRCH-0002" })]
    [InlineData("0A-1B-2C-3D-4F", new[] { "SRCH-0003", "SRCH-0004" })]
    [InlineData("0a1b2c3d4f03", new[] { "SRCH-0003" })]
    [InlineData("0A1B.2C3D", new[] { "SRCH-0001", "SRCH-0002", "SRCH-0003", "SRCH-0004" })]
    public async Task SearchAsync_WhenQueryIsAMacPrefix_IgnoresSeparatorsAndCase(string query, string[] expected)
    {
        var result = await fleet.Devices.SearchAsync(query, Everything);

        Serials(result).ShouldBe(expected);
    }

    [Fact]
    public async Task SearchAsync_ShowsTheMacFormatted()
    {
        var result = await fleet.Devices.SearchAsync("SRCH-0003", Everything);

        result.Items.ShouldHaveSingleItem().Mac.ShouldBe("0A:1B:2C:3D:4F:03");
    }

    [Fact]
    public async Task SearchAsync_WhenQueryHasLettersThatAreNotHex_DoesNotMatchByMac()
    {
        // Its hex letters alone ("DECA") would match OTHER-0001's MAC.
        var result = await fleet.Devices.SearchAsync("DEMO-CAM", Everything);

        result.Items.ShouldBeEmpty();
        result.Total.ShouldBe(0);
        Serials(await fleet.Devices.SearchAsync("DECA", Everything)).ShouldBe(["OTHER-0001"]);
    }

    [Theory]
    [InlineData("owner.two@")]
    [InlineData("OWNER.TWO@EXAMPLE.TEST")]
    [InlineData(" Owner.Tw ")]
    public async Task SearchAsync_WhenQueryIsAnOwnerEmailPrefix_MatchesCaseInsensitively(string query)
    {
        var result = await fleet.Devices.SearchAsync(query, Everything);

        var device = result.Items.ShouldHaveSingleItem();
        device.Serial.ShouldBe("SRCH-0003");
        device.Owner.ShouldNotBeNull();
        device.Owner.Id.ShouldBe(SearchFleetFixture.OwnerTwoId);
        device.Owner.Email.ShouldBe("owner.two@example.test");
    }

    [Fact]
    public async Task SearchAsync_WhenQueryIsAnOwnerId_ReturnsThatOwnersDevices()
    {
        var query = " " + SearchFleetFixture.OwnerOneId.ToString().ToUpperInvariant() + " ";

        var result = await fleet.Devices.SearchAsync(query, Everything);

        Serials(result).ShouldBe(["SRCH-0001", "SRCH-0002"]);
        result.Items.ShouldAllBe(d => d.Owner!.Id == SearchFleetFixture.OwnerOneId);
    }

    [Theory]
    [InlineData("esc%", "ESC%-0001")]
    [InlineData("US_", "US_-0001")]
    public async Task SearchAsync_WhenQueryHasLikeWildcards_MatchesThemLiterally(string query, string only)
    {
        var result = await fleet.Devices.SearchAsync(query, Everything);

        Serials(result).ShouldBe([only]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task SearchAsync_WithoutQuery_ListsEveryDeviceOrderedBySerial(string? query)
    {
        var first = await fleet.Devices.SearchAsync(query, Everything);
        var second = await fleet.Devices.SearchAsync(query, new PageRequest(2, PageRequest.MaxPageSize));

        first.Total.ShouldBe(fleet.DeviceCount);
        first.Items.Count.ShouldBe(PageRequest.MaxPageSize);
        var serials = Serials(first).Concat(Serials(second)).ToList();
        serials.ShouldBe(serials.Order(StringComparer.Ordinal).ToList());
        serials.Distinct().Count().ShouldBe(serials.Count);
    }

    [Fact]
    public async Task SearchAsync_PagesAreConsecutiveSlicesWithTheFullTotal()
    {
        var page1 = await fleet.Devices.SearchAsync("srch", new PageRequest(1, 3));
        var page2 = await fleet.Devices.SearchAsync("srch", new PageRequest(2, 3));

        Serials(page1).ShouldBe(["SRCH-0001", "SRCH-0002", "SRCH-0003"]);
        Serials(page2).ShouldBe(["SRCH-0004"]);
        page1.Total.ShouldBe(4);
        page2.Total.ShouldBe(4);
    }

    [Theory]
    [InlineData("srch")]
    [InlineData(null)]
    public async Task SearchAsync_WhenPageIsBeyondTheEnd_ReturnsTheTotalAndNoItems(string? query)
    {
        var result = await fleet.Devices.SearchAsync(query, new PageRequest(int.MaxValue, PageRequest.MaxPageSize));

        result.Items.ShouldBeEmpty();
        result.Total.ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("SRCH-0001")]
    [InlineData("  srch-0001 ")]
    public async Task FindAsync_WhenSerialDiffersInCaseOrSpaces_ReturnsTheDevice(string serial)
    {
        var device = await fleet.Devices.FindAsync(serial);

        device.ShouldNotBeNull();
        device.Serial.ShouldBe("SRCH-0001");
        device.Mac.ShouldBe("0A:1B:2C:3D:4E:01");
        device.Owner!.Id.ShouldBe(SearchFleetFixture.OwnerOneId);
        device.OwnershipVersion.ShouldBe(1);
        device.Status.ShouldBe(DeviceStatus.Active);
    }

    [Theory]
    [InlineData("SRCH-000")]
    [InlineData("NOPE-0000")]
    [InlineData("SRCH-000%")]
    public async Task FindAsync_WhenNoDeviceHasExactlyThatSerial_ReturnsNull(string serial)
    {
        (await fleet.Devices.FindAsync(serial)).ShouldBeNull();
    }

    [Theory]
    [InlineData("SRCH-0003", "ix_devices_serial")]
    [InlineData("0a:1b:2c", "ix_devices_mac")]
    [InlineData("owner.two@", "ix_accounts_email")]
    [InlineData("22222222-2222-4222-8222-222222222222", "ix_devices_owner_id")]
    public async Task SearchAsync_WithAQuery_UsesTheIndexesAndScansNoTable(string query, string index)
    {
        var plans = await PlansOfAsync(() => fleet.Devices.SearchAsync(query, PageRequest.First()));

        plans.SelectMany(p => p.IndexesUsed).ShouldContain(index);
        plans.ShouldAllBe(p => !p.SequentialScans.Any(), string.Join("\n", plans.Select(p => p.Json)));
    }

    [Fact]
    public async Task SearchAsync_WithoutQuery_ReadsThePageInSerialIndexOrder()
    {
        var plans = await PlansOfAsync(() => fleet.Devices.SearchAsync(null, new PageRequest(3, 20)));

        var page = plans.Last();
        page.IndexesUsed.ShouldContain("ix_devices_serial");
        page.SequentialScans.ShouldNotContain("devices", page.Json);
    }

    private async Task<List<QueryPlan>> PlansOfAsync(Func<Task> search)
    {
        var before = fleet.Commands.All.Count;
        await search();
        var plans = new List<QueryPlan>();
        foreach (var command in fleet.Commands.All.Skip(before))
        {
            plans.Add(await command.ExplainAsync(fleet.ConnectionString));
        }
        plans.ShouldNotBeEmpty();
        return plans;
    }

    private static List<string> Serials(Paged<DeviceSummary> page) => page.Items.Select(d => d.Serial).ToList();
}
