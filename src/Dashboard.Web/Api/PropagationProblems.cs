using Dashboard.Core.Access.Propagation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

/// <summary>The one answer of every decision-changing endpoint whose change committed but was not confirmed in time.</summary>
public static class PropagationProblems
{
    public const string Recorded = "The change is recorded and takes effect everywhere once every instance applies it.";

    /// <param name="detail">What is recorded and when it takes effect, in the words of the operation.</param>
    public static ProblemHttpResult NotConfirmed(PropagationTimeoutException e, string detail = Recorded) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Propagation not confirmed in time",
            detail: $"{detail} Revision {e.Revision}: {e.Progress.Confirmed} of {e.Progress.EnforcementPoints} points confirmed.");
}
