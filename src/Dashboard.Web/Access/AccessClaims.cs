namespace Dashboard.Web.Access;

/// <summary>The claim a bridge-key identity carries its integration in (the credential decides, never the body).</summary>
internal static class AccessClaims
{
    public const string IntegrationId = "integration_id";
}
