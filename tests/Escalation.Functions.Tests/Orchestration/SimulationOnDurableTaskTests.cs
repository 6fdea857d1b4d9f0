using System.Text.Json;
using Escalation.Api.Simulations;
using Escalation.Core.Decisions;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;
using Escalation.Core.Simulation;
using Escalation.Core.Storage;
using Escalation.Core.Tickets;
using Escalation.Functions.Orchestration;
using Escalation.Infrastructure.Hosting;
using Escalation.Infrastructure.Storage;
using Escalation.Infrastructure.Workspace;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace Escalation.Functions.Tests.Orchestration;

/// <summary>
/// The what-if run as the Functions app runs it: <see cref="SimulationFunctions"/>' orchestration on the real DurableTask
/// engine, fanning out one activity per batch of stored cases, each activity the real <see cref="SimulationSteps"/> over
/// stored cases on disk.
/// </summary>
public sealed class SimulationOnDurableTaskTests : IDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly DateTimeOffset EvaluationInstant = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("escalation-simulation-durable-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Ticket(int daysBefore) =>
        $"Hi there! We bought the extra seat pack for €49 on {DateOnly.FromDateTime(EvaluationInstant.UtcDateTime).AddDays(-daysBefore):yyyy-MM-dd} for a project that has now been cancelled, so we won't need the seats. Could you refund the €49 and remove the pack from our account? Thanks, Tobias";

    [Fact]
    public async Task Simulation_FiveCasesInBatchesOfTwo_FansOutThreeBatchesAndMergesOneReport()
    {
        var workspacePath = WorkspaceLocator.Resolve("samples/workspace");
        var baseline = await WorkspaceLoader.LoadFolderAsync(workspacePath);
        var index = new FileCaseIndex(_root);
        var artifacts = new FileStageArtifactStore(_root);
        var traces = new FileTraceStore(_root);
        var pipeline = new SensitiveCasePipeline(CaseDetectors.From(new DetectStage()), new ComposerDraftWriter());
        var sample = JsonSerializer.Deserialize<CaseSubmission>(File.ReadAllText(Path.Combine(WorkspaceLocator.Resolve("samples/tickets"), "02-refund-within-window-seat-pack.json")), Web)!;
        var days = new[] { 10, 35, 40, 55, 70 };
        foreach (var (d, n) in days.Select((d, n) => (d, n)))
        {
            var caseId = $"case-{n}-{d}d";
            var ticket = sample with { TicketId = $"T-{n}", Messages = [new TicketMessage { From = "customer", At = EvaluationInstant.AddHours(-1), Text = Ticket(d) }] };
            var decision = pipeline.Run(ticket, baseline, EvaluationInstant).Decision;
            await artifacts.PutAsync(caseId, "submission", JsonSerializer.Serialize(new { submission = ticket, receivedAt = EvaluationInstant }, Web));
            await artifacts.PutAsync(caseId, "decision", JsonSerializer.Serialize(decision, Web));
            await index.UpsertAsync(new CaseRecord
            {
                CaseId = caseId, TicketId = ticket.TicketId, CustomerId = ticket.Customer.Id, Kind = "sensitive", Status = Escalation.Core.Workflow.CaseStatuses.Sent,
                Route = decision.Route, Priority = decision.Priority, Created = EvaluationInstant.AddMinutes(n), Updated = EvaluationInstant.AddMinutes(n),
            }, null);
        }

        var candidateFiles = await new FolderWorkspaceSource(workspacePath).ReadAllAsync();
        candidateFiles = [.. candidateFiles.Select(f => f.RelativePath == "policies/refund.md"
            ? f with { Content = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(f.Content).Replace("refundWindowDays: 30", "refundWindowDays: 45")) }
            : f)];
        var steps = new SimulationSteps(new SimulationStore(new FileStageArtifactStore(Path.Combine(_root, "simulations"))), new StoredCases(index, artifacts, traces), () => baseline, batchSize: 2);
        await steps.CreateAsync("sim-00000000000000aa", new SimulationRequest(EvaluationInstant, DateTimeOffset.MinValue, SimulationRequest.RecordedBaseline, "https://esc.example.com", "candidate"), candidateFiles);
        var functions = new SimulationFunctions(steps);
        var calls = new System.Collections.Concurrent.ConcurrentQueue<string>();

        await using var host = await DurableEngine.StartHostAsync(tasks =>
        {
            tasks.AddOrchestratorFunc<SimulationRunInput, SimulationStatus>(SimulationWorkflow.Name, (ctx, _) => SimulationFunctions.RunOrchestrator(ctx));
            tasks.AddActivityFunc<SimulationRunInput, SimulationPlanResult>(SimulationWorkflow.Plan, (_, i) => { calls.Enqueue("plan"); return functions.Plan(i); });
            tasks.AddActivityFunc<SimulationBatchInput, int>(SimulationWorkflow.Batch, (_, i) => { calls.Enqueue($"batch-{i.Batch}"); return functions.Batch(i); });
            tasks.AddActivityFunc<SimulationBatchInput, SimulationStatus>(SimulationWorkflow.Complete, (_, i) => { calls.Enqueue("complete"); return functions.Complete(i); });
            tasks.AddActivityFunc<SimulationFailInput, SimulationStatus>(SimulationWorkflow.Fail, (_, i) => { calls.Enqueue("fail"); return functions.Fail(i); });
        });
        await new DurableSimulationLauncher(host.Client).StartAsync("sim-00000000000000aa");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var done = await host.Client.WaitForInstanceCompletionAsync("sim-00000000000000aa", getInputsAndOutputs: true, timeout.Token);
        var stored = await steps.StatusAsync("sim-00000000000000aa");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(["batch-0", "batch-1", "batch-2", "complete", "plan"], calls.Order(StringComparer.Ordinal));
        Assert.Equal(SimulationStatus.Completed, stored!.Status);
        Assert.Equal((5, 3, 3), (stored.Cases, stored.Batches, stored.BatchesDone));
        var report = stored.Report!;
        Assert.Equal(5, report.Cases);
        // Exactly the charges 31-45 days old leave review: the 35- and 40-day ones.
        Assert.Equal(["case-1-35d", "case-2-40d"], report.Flips.Where(f => f.From != f.To).Select(f => f.Id));
        Assert.Equal(done.ReadOutputAs<SimulationStatus>()!.Report!.Flipped, report.Flipped);
    }
}
