namespace Dashboard.Core.Access;

/// <summary>A device an integration may reach for an account, with every action it may take on it.</summary>
public readonly record struct VisibleDevice(string Serial, AccessActions Actions);
