namespace Dashboard.Core.Access;

/// <summary>
/// The single policy revision row. Every change that can change a decision bumps it in its own transaction
/// (<c>UPDATE ... RETURNING</c>); the row lock makes revisions commit in order, so "applied revision R" means
/// every change up to R is visible.
/// </summary>
public sealed class PolicyRevision
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public long Value { get; set; }
}
