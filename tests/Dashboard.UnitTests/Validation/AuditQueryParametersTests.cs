using Dashboard.Web.Validation;

namespace Dashboard.UnitTests.Validation;

public sealed class AuditQueryParametersTests
{
    [Theory]
    [InlineData(null, null, null)]
    [InlineData("  ", null, null)]
    [InlineData("device", "device", null)]
    [InlineData(" device : DEMO-CAM-0003 ", "device", "DEMO-CAM-0003")]
    [InlineData("integration:key:with:colons", "integration", "key:with:colons")]
    [InlineData("device:", "device", null)]
    [InlineData(":x", null, "x")]
    public void SplitEntity_TypeAndOptionalId(string? entity, string? type, string? id) =>
        AuditQueryParameters.SplitEntity(entity).ShouldBe((type, id));

    [Theory]
    [InlineData("2026-03-01", "2026-03-01T00:00:00")]
    [InlineData("2026-03-01T12:30", "2026-03-01T12:30:00")]
    [InlineData("2026-03-01T12:30:15Z", "2026-03-01T12:30:15")]
    [InlineData("2026-03-01T14:30:15+02:00", "2026-03-01T12:30:15")]
    [InlineData("2026-03-01T12:30:15.250Z", "2026-03-01T12:30:15.25")]
    public void ReadTime_IsoShapes_AreUtc(string value, string expectedUtc)
    {
        var errors = new QueryErrors();

        var time = AuditQueryParameters.ReadTime("from", value, errors);

        errors.HasErrors.ShouldBeFalse();
        time.ShouldBe(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture));
        time!.Value.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Theory]
    [InlineData("01/02/2026")]
    [InlineData("yesterday")]
    [InlineData("2026-02-30")]
    [InlineData("2026-03-01T25:00:00Z")]
    [InlineData("20260301")]
    public void ReadTime_OtherShapes_AreErrorsNamingTheField(string value)
    {
        var errors = new QueryErrors();

        AuditQueryParameters.ReadTime("to", value, errors).ShouldBeNull();

        errors.All.ShouldBe([new QueryError("to", QueryProblem.Time)]);
    }

    [Fact]
    public void Read_FromAfterTo_IsAnErrorOnFrom()
    {
        var errors = new QueryErrors();

        AuditQueryParameters.Read(null, null, null, "2026-03-02", "2026-03-01", errors);

        errors.All.ShouldBe([new QueryError("from", QueryProblem.FromAfterTo)]);
    }
}
