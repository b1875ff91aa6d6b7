namespace Dashboard.Web.Components.Localization;

/// <summary>
/// Names the resources shared by many pages (<c>Common.resx</c>): words such as Cancel, Close, Try again. A text
/// used by one component lives in that component's own resources (<c>KillSwitchBuilder.resx</c> beside it).
/// </summary>
public sealed class Common;
