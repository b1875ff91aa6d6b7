namespace Dashboard.Core.Access;

/// <summary>The outcome of an access check. <see cref="Deny"/> is the default value, so an unset decision never allows.</summary>
public enum Decision
{
    Deny,
    Allow,
}
