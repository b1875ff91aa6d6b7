namespace Dashboard.Core.KillSwitches;

/// <summary>
/// What a kill switch would cut off: distinct owner accounts, devices and active links that the scope newly denies.
/// </summary>
public sealed record BlastRadius(long Accounts, long Devices, long Links);
