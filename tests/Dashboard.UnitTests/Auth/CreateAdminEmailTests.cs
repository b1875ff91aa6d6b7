using Dashboard.Web.Auth;

namespace Dashboard.UnitTests.Auth;

public sealed class CreateAdminEmailTests
{
    [Theory]
    [InlineData("ops@example.com")]
    [InlineData("first.last+admin@sub.example.org")]
    public void IsValidEmail_WhenPlainAddress_IsTrue(string email)
    {
        CreateAdminCommand.IsValidEmail(email).ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-email")]
    [InlineData("Ops <ops@example.com>")]
    [InlineData("ops@localhost")]
    [InlineData("ops @example.com")]
    [InlineData("ops@@example.com")]
    public void IsValidEmail_WhenNotAPlainAddressWithADomain_IsFalse(string email)
    {
        CreateAdminCommand.IsValidEmail(email).ShouldBeFalse();
    }

    [Fact]
    public async Task Run_WhenNoEmailGiven_PrintsUsageAndExitsWithUsageError()
    {
        var error = new StringWriter();
        var command = new CreateAdminCommand(null, TextWriter.Null, error);

        (await command.RunAsync(EmptyServices.Instance)).ShouldBe(CreateAdminCommand.UsageError);
        error.ToString().ShouldContain("create-admin --email");
    }

    [Fact]
    public async Task Run_WhenEmailInvalid_ExitsWithUsageErrorBeforeTouchingTheDatabase()
    {
        var error = new StringWriter();
        var command = new CreateAdminCommand("nope", TextWriter.Null, error);

        (await command.RunAsync(EmptyServices.Instance)).ShouldBe(CreateAdminCommand.UsageError);
        error.ToString().ShouldContain("'nope' is not a valid email address");
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
