namespace Escalation.Api.Simulations;

/// <summary>Starts a stored what-if run: a Durable orchestration on Azure Functions, a background run on the local server.</summary>
public interface ISimulationLauncher
{
    Task StartAsync(string simulationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// False when this host knows the run is not going on any more although it never finished (the local server was
    /// restarted during it); null when the host cannot tell (Durable Functions resumes a run itself).
    /// </summary>
    bool? IsActive(string simulationId);
}
