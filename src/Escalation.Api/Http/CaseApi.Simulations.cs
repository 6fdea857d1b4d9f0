using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Escalation.Api.Endpoints;
using Escalation.Api.Html;
using Escalation.Api.Problems;
using Escalation.Api.Simulations;
using Escalation.Core.Knowledge;
using Escalation.Core.Simulation;
using Escalation.Infrastructure.Storage;
using Escalation.Infrastructure.Workspace;
using Microsoft.AspNetCore.Http;

namespace Escalation.Api.Http;

public sealed partial class CaseApi
{
    /// <summary>
    /// <c>POST /api/simulations[?since=DATE&amp;baseline=recorded|live&amp;wait=N]</c> with a candidate workspace — a zip
    /// archive (<c>application/zip</c>) or, where the service stores in Azure, <c>{"container": "…", "prefix": "…"}</c>
    /// naming a blob container — decides every stored case again with it (docs/simulate.md). 202 with the run's status URL;
    /// with <c>wait</c>, the finished report when it is ready within that many seconds. 400 names what is at fault (the
    /// workspace file and field included); nothing is stored then.
    /// </summary>
    public async Task<IResult> StartSimulationAsync(
        HttpRequest request, SimulationSteps steps, ISimulationLauncher launcher, AzureStorageAccount? azure, CancellationToken ct = default)
    {
        var errors = new List<ProblemFieldError>();
        var since = DateTimeOffset.MinValue;
        if (request.QueryValue("since") is { } sinceText
            && !DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out since))
        {
            errors.Add(new("since", "an ISO date or instant, e.g. 2026-11-01"));
        }

        var baseline = request.QueryValue("baseline") ?? SimulationRequest.RecordedBaseline;
        if (baseline is not (SimulationRequest.RecordedBaseline or SimulationRequest.LiveBaseline))
        {
            errors.Add(new("baseline", "recorded (each case's decision on record) or live (the workspace the service runs now)"));
        }

        var wait = 0;
        if (request.QueryValue("wait") is { } waitText && (!int.TryParse(waitText, out wait) || wait is < 0 or > MaxWaitSeconds))
        {
            errors.Add(new("wait", $"a whole number of seconds from 0 to {MaxWaitSeconds}"));
        }

        if (errors.Count > 0)
        {
            return Answers.Problem(Problems.Problems.Create("invalid-simulation-request", "The simulation request is not valid",
                400, "Nothing was started: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")), request.Instance(), errors));
        }

        var source = CandidateSource(request, await HttpBody.ReadAsync(request).ConfigureAwait(false), azure, out var refused);
        if (refused is not null)
        {
            return refused;
        }

        IReadOnlyList<WorkspaceFile> files;
        Workspace candidate;
        try
        {
            files = await source!.ReadAllAsync(ct).ConfigureAwait(false);
            candidate = WorkspaceLoader.Load(files);
        }
        catch (WorkspaceValidationException ex)
        {
            return Answers.Problem(Problems.Problems.Create("invalid-workspace", "The candidate workspace is not valid", 400,
                $"Nothing was started: {ex.Message}", request.Instance(), [new ProblemFieldError($"{ex.File}: {ex.Location}", ex.Problem)]));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or Azure.RequestFailedException)
        {
            return Answers.Problem(Problems.Problems.Create("invalid-workspace", "The candidate workspace could not be read", 400,
                $"Nothing was started: {source!.Description}: {ex.Message}", request.Instance(), [new ProblemFieldError("body", ex.Message)]));
        }

        var id = "sim-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var status = await steps.CreateAsync(id, new SimulationRequest(time.GetUtcNow(), since, baseline, options.PublicBaseUrl, candidate.Version), files, ct).ConfigureAwait(false);
        await launcher.StartAsync(id, ct).ConfigureAwait(false);

        var until = time.GetUtcNow().AddSeconds(wait);
        while (wait > 0 && status.Status == SimulationStatus.Running && time.GetUtcNow() < until)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, ct).ConfigureAwait(false);
            status = await steps.StatusAsync(id, ct).ConfigureAwait(false) ?? status;
        }

        var location = $"/api/simulations/{id}";
        return Answers.Json(status.Status == SimulationStatus.Running ? 202 : 200, new SimulationAnswer(status, location), location);
    }

    /// <summary>
    /// <c>GET /api/simulations/{id}</c>: the run's status and progress, and its report once completed (as a page with the
    /// transition matrix and chart when a browser asks). 404 for an unknown id.
    /// </summary>
    public async Task<IResult> GetSimulationAsync(HttpRequest request, string simulationId, SimulationSteps steps, ISimulationLauncher launcher, CancellationToken ct = default)
    {
        var status = simulationId.Length is > 4 and <= 40 && simulationId.StartsWith("sim-", StringComparison.Ordinal) && simulationId[4..].All(char.IsAsciiHexDigitLower)
            ? await steps.StatusAsync(simulationId, ct).ConfigureAwait(false)
            : null;
        if (status is null)
        {
            return Answers.Problem(Problems.Problems.NotFound($"No simulation {simulationId}.", request.Instance()));
        }

        if (status.Status == SimulationStatus.Running && launcher.IsActive(simulationId) == false)
        {
            status = status with { Status = SimulationStatus.Failed, Error = "The run was cut short by a restart of the service; post the simulation again." };
        }

        if (request.WantsHtml())
        {
            return status.Report is { } report
                ? Answers.Page(200, SimulationHtml.Render(report))
                : Answers.Page(200, HtmlPage.Document("What-if simulation", $"<h1>What-if simulation</h1>\n<p>{HtmlPage.Encode(status.Status)}: {status.BatchesDone} of {HtmlPage.Encode(status.Batches?.ToString(CultureInfo.InvariantCulture) ?? "?")} batches decided. {HtmlPage.Encode(status.Error)}</p>\n"));
        }

        return Answers.Json(200, new SimulationAnswer(status, $"/api/simulations/{simulationId}"));
    }

    private static IWorkspaceSource? CandidateSource(HttpRequest request, byte[] bytes, AzureStorageAccount? azure, out IResult? refused)
    {
        refused = null;
        var type = (request.Header("content-type") ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (type is "application/zip" or "application/x-zip-compressed" or "application/octet-stream")
        {
            return new ZipWorkspaceSource(bytes);
        }

        if (type != "application/json")
        {
            refused = Answers.Problem(Problems.Problems.UnsupportedMediaType(type, request.Instance()));
            return null;
        }

        string? container = null, prefix = null;
        try
        {
            using var body = JsonDocument.Parse(bytes.Length == 0 ? "{}"u8.ToArray() : bytes);
            container = body.RootElement.ValueKind == JsonValueKind.Object ? StringField(body.RootElement, "container") : null;
            prefix = body.RootElement.ValueKind == JsonValueKind.Object ? StringField(body.RootElement, "prefix") : null;
        }
        catch (JsonException ex)
        {
            refused = Answers.Problem(Problems.Problems.MalformedJson(ex.Message, request.Instance()));
            return null;
        }

        // Container names: 3-63 lower-case letters, digits and single hyphens (Azure's rule).
        string? fault = container is not { Length: >= 3 and <= 63 } || !container.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') || container.Contains("--", StringComparison.Ordinal)
            ? "the blob container holding the candidate workspace: 3 to 63 lower-case letters, digits and hyphens"
            : azure is null ? "this service stores its data in files, not Azure Storage: send the candidate workspace as a zip (content-type application/zip)" : null;
        if (fault is not null)
        {
            refused = Answers.Problem(Problems.Problems.Create("invalid-simulation-request", "The simulation request is not valid", 400,
                "Nothing was started: /container: " + fault, request.Instance(), [new ProblemFieldError("/container", fault)]));
            return null;
        }

        return new BlobWorkspaceSource(azure!.Blobs.GetBlobContainerClient(container), prefix);
    }
}

/// <summary>A run's status with the URL to follow it at.</summary>
public sealed record SimulationAnswer(SimulationStatus Simulation, string StatusUrl);
