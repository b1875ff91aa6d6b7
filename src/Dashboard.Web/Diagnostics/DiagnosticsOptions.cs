namespace Dashboard.Web.Diagnostics;

/// <summary>Section <c>Dashboard:Diagnostics</c>; see docs/decisions/0020.</summary>
public sealed class DiagnosticsOptions
{
    public const string Section = "Dashboard:Diagnostics";

    /// <summary>
    /// False (the default): <c>/diagnostics/memory</c> is not mapped at all (404). True: it is, for staff API tokens,
    /// like <c>/metrics</c>. Meant for measuring the app (the benchmark project's <c>circuits</c> scenario), since every
    /// call blocks the process for a full compacting collection.
    /// </summary>
    public bool Enabled { get; set; }
}
