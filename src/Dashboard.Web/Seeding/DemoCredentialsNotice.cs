namespace Dashboard.Web.Seeding;

/// <summary>
/// Whether this start seeds the demo fixture, whose passwords, staff tokens and bridge keys are published: then a
/// Warning is logged at start and every page carries a banner, so nobody takes the instance for a real one.
/// </summary>
public sealed record DemoCredentialsNotice(bool Active);
