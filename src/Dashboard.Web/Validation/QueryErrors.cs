namespace Dashboard.Web.Validation;

/// <summary>What is wrong with one query parameter of a list's address (fleet or audit filters).</summary>
public enum QueryProblem
{
    Status,
    Owned,
    ExactCount,
    Sort,
    Time,
    FromAfterTo,
    EntityIdTwice,
}

/// <summary>
/// One refused query parameter: <see cref="Field"/> as the client sent it, <see cref="Problem"/> for a page to word in
/// the reader's language, <see cref="Message"/> as the API and the exports say it (English, unchanged).
/// </summary>
public sealed record QueryError(string Field, QueryProblem Problem)
{
    public string Message => Problem switch
    {
        QueryProblem.Status => "Must be 'active' or 'decommissioned'.",
        QueryProblem.Owned or QueryProblem.ExactCount => "Must be 'true' or 'false'.",
        QueryProblem.Sort => "Must be one of serial, model, firmware, optionally prefixed with '-' for descending.",
        QueryProblem.Time => AuditQueryParameters.TimeMessage,
        QueryProblem.FromAfterTo => "Must not be after 'to'.",
        QueryProblem.EntityIdTwice => "Give the entity id either in 'entity' (type:id) or in 'entityId', not two different ones.",
    };
}

/// <summary>
/// The problems found while reading a list's query parameters, in the order found. Shared by the pages, the API and
/// the exports, so the rules live in one place and each caller words the result its own way.
/// </summary>
public sealed class QueryErrors
{
    private readonly List<QueryError> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public IReadOnlyList<QueryError> All => _errors;

    public QueryErrors Add(string field, QueryProblem problem)
    {
        _errors.Add(new QueryError(field, problem));
        return this;
    }
}
