using Dashboard.Web.Seeding;

namespace Dashboard.UnitTests.Seeding;

public sealed class SeedArgumentsTests
{
    [Theory]
    [InlineData(new[] { "--devices", "1000000" }, 1_000_000L)]
    [InlineData(new[] { "--devices=20000" }, 20_000L)]
    [InlineData(new[] { "--devices", "5", "--Dashboard:DataDir=/tmp/x" }, 5L)]
    [InlineData(new[] { "--Dashboard:DataDir", "/tmp/x", "--devices", "7" }, 7L)]
    public void Parse_WhenValid_ReturnsTheDeviceCount(string[] args, long expected)
    {
        var (devices, error) = SeedArguments.Parse(args);

        error.ShouldBeNull();
        devices.ShouldBe(expected);
    }

    [Theory]
    [InlineData(new string[] { }, "required")]
    [InlineData(new[] { "--devices" }, "needs a number")]
    [InlineData(new[] { "--devices", "-5" }, "at least 1")]
    [InlineData(new[] { "--devices", "0" }, "at least 1")]
    [InlineData(new[] { "--devices", "many" }, "whole number")]
    [InlineData(new[] { "--devices", "1.5" }, "whole number")]
    [InlineData(new[] { "--count", "5" }, "Unknown argument '--count'")]
    public void Parse_WhenInvalid_SaysWhy(string[] args, string expected)
    {
        var (devices, error) = SeedArguments.Parse(args);

        devices.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--devices -1")]
    public async Task Run_WhenArgumentsAreInvalid_PrintsUsageAndExitsWith2(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var output = new StringWriter();
        var errors = new StringWriter();

        // Nothing is resolved from the services before the arguments are checked.
        var exitCode = await SeedCommand.Parse(args, output, errors).RunAsync(EmptyServices.Instance);

        exitCode.ShouldBe(SeedCommand.BadArguments);
        errors.ToString().ShouldContain("Usage: seed --devices N");
        output.ToString().ShouldBeEmpty();
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
