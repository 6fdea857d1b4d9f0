using System.Security.Cryptography;
using Escalation.Api.Cases;
using Escalation.Api.Http;
using Escalation.Api.Links;
using Escalation.Api.Privacy;
using Escalation.Api.Simulations;
using Escalation.Api.Submissions;
using Escalation.Core.Decisions;
using Escalation.Core.Escalations;
using Escalation.Core.Knowledge;
using Escalation.Core.Notifications;
using Escalation.Core.Privacy;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;
using Escalation.Core.Storage;
using Escalation.Core.Workflow;
using Escalation.Core.Actions;
using Escalation.Infrastructure.Actions;
using Escalation.Infrastructure.Callbacks;
using Escalation.Infrastructure.Drafting;
using Escalation.Infrastructure.Email;
using Escalation.Infrastructure.Hosting;
using Escalation.Infrastructure.Storage;
using Escalation.Infrastructure.Workflow;
using Escalation.Infrastructure.Workspace;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Escalation.Api.Hosting;

/// <summary>
/// The one DI entry point shared by the local server and the Azure Functions app: workspace, storage (files or
/// Azure), signals, drafting, email, help-desk callbacks, signed links, the case activities and the HTTP handlers.
/// </summary>
public static class EscalationServiceCollectionExtensions
{
    /// <summary>Registers everything the service needs, from the <c>Escalation</c> configuration section.</summary>
    public static IServiceCollection AddEscalation(this IServiceCollection services, IConfiguration configuration)
    {
        // Settings: every section bound and validated at start; EscalationSettings is read through Settings(sp).
        services.AddEscalationOptions(configuration);
        static EscalationSettings Settings(IServiceProvider sp) => sp.GetRequiredService<EscalationSettings>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => Settings(sp).CaseService);
        services.AddSingleton(sp => WorkspaceHolder.Load(Settings(sp), sp.GetService<AzureStorageAccount>()));
        services.AddSingleton<Func<Workspace>>(sp => sp.GetRequiredService<WorkspaceHolder>().Current);

        // Storage: embedded files by default, Azure Storage by configuration.
        if ((configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new()).UsesAzure)
        {
            services.AddSingleton(sp => Settings(sp).AzureAccount());
            services.AddSingleton<ICaseIndex>(sp => new AzureCaseIndex(sp.GetRequiredService<AzureStorageAccount>()));
            services.AddSingleton<ITraceStore>(sp => new AzureTraceStore(sp.GetRequiredService<AzureStorageAccount>()));
            services.AddSingleton<ICaseKeyStore>(sp => new AzureCaseKeyStore(sp.GetRequiredService<AzureStorageAccount>(), time: sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IStageArtifactStore>(sp => new SealingArtifactStore(new AzureStageArtifactStore(sp.GetRequiredService<AzureStorageAccount>()), sp.GetRequiredService<ICaseKeyStore>()));
            services.AddSingleton<IUsedTokenStore>(sp => new AzureUsedTokenStore(sp.GetRequiredService<AzureStorageAccount>()));
            services.AddSingleton<IReviewClaimStore>(sp => new AzureReviewClaimStore(sp.GetRequiredService<AzureStorageAccount>()));
            services.AddSingleton<IInboundQueue>(sp => new AzureInboundQueue(sp.GetRequiredService<AzureStorageAccount>()));
            services.AddSingleton(sp => new SimulationStore(new AzureStageArtifactStore(sp.GetRequiredService<AzureStorageAccount>(), SimulationStore.Container)));
        }
        else
        {
            services.AddSingleton<ICaseIndex>(sp => new FileCaseIndex(Settings(sp).DataDirectory));
            services.AddSingleton<ITraceStore>(sp => new FileTraceStore(Settings(sp).DataDirectory));
            services.AddSingleton<ICaseKeyStore>(sp => new FileCaseKeyStore(Settings(sp).DataDirectory));
            services.AddSingleton<IStageArtifactStore>(sp => new SealingArtifactStore(new FileStageArtifactStore(Settings(sp).DataDirectory), sp.GetRequiredService<ICaseKeyStore>()));
            services.AddSingleton<IUsedTokenStore>(sp => new FileUsedTokenStore(Settings(sp).DataDirectory));
            services.AddSingleton<IReviewClaimStore>(sp => new FileReviewClaimStore(Settings(sp).DataDirectory));
            services.AddSingleton<IInboundQueue>(sp => new FileInboundQueue(Settings(sp).DataDirectory, InboundQueueName, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton(sp => new SimulationStore(new FileStageArtifactStore(Path.Combine(Settings(sp).DataDirectory, SimulationStore.Container))));
        }

        // Traces are served only when their bytes hash to their id; a mismatch stays a health problem.
        services.AddSingleton<TraceIntegrity>();
        services.AddSingleton<IStorageHealth>(sp => sp.GetRequiredService<TraceIntegrity>());

        // Signals, drafting and the two pipelines' steps.
        services.TryAddSingleton<ITextSignalAnalyzer, LexiconSignalAnalyzer>();
        // The chat model's draft and the readings added to the embedded one are awaited by the activities (IDraftWriter and
        // ISignalReader are asynchronous): no thread waits on a model or service.
        services.AddSingleton(sp => CaseDetectors.From(new DetectStage(sp.GetRequiredService<ITextSignalAnalyzer>())));
        services.AddSingleton(sp => DraftingSetup.CreateDraftWriter(sp.GetRequiredService<IOptions<DraftingOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ConfiguredSignalReader(DraftingSetup.CreateModelReader(sp.GetRequiredService<IOptions<DraftingOptions>>().Value, sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton(sp => new SensitiveCaseSteps(sp.GetRequiredService<CaseDetector>(), sp.GetRequiredService<IDraftWriter>(), sp.GetRequiredService<ConfiguredSignalReader>().Reader));
        services.AddSingleton(sp => new EscalationCaseSteps(sp.GetRequiredService<CaseDetector>(), sp.GetRequiredService<IDraftWriter>(), sp.GetRequiredService<ConfiguredSignalReader>().Reader));

        // Email, callbacks and signed links.
        services.AddSingleton<IEmailSender>(sp => Settings(sp) is { Smtp: { } smtp } settings
            ? new SmtpEmailSender(smtp, Path.Combine(settings.DataDirectory, "smtp-sent-keys.txt"), sp.GetRequiredService<TimeProvider>())
            : new OutboxEmailSender(Settings(sp).DataDirectory, Settings(sp).EmailFrom, sp.GetRequiredService<TimeProvider>()));
        // Callback URLs come from submitters: only public addresses (or the allow-list), no redirects (CallbackHttpHandler).
        services.AddHttpClient(nameof(HelpDeskCallbackClient)).ConfigurePrimaryHttpMessageHandler(sp => CallbackHttpHandler.Create(Settings(sp).CallbackAddresses));
        services.AddSingleton<IHelpDeskCallback>(sp => new HelpDeskCallbackClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(HelpDeskCallbackClient)),
            Settings(sp).CallbackSigningKey(),
            time: sp.GetRequiredService<TimeProvider>(),
            log: sp.GetService<ILoggerFactory>()?.CreateLogger<HelpDeskCallbackClient>()));
        services.AddSingleton(sp => Settings(sp).CreateLinkSigner(sp.GetRequiredService<TimeProvider>()));
        AddActionPort(services);

        // The case: stored artifacts, activities, HTTP handlers.
        services.AddSingleton<CaseArtifacts>();
        services.AddSingleton<CaseIntake>();
        services.AddSingleton<ReviewClaims>();
        services.AddSingleton<ICaseActivities, CaseActivities>();
        services.AddSingleton(sp => new SubmissionParser(Settings(sp).Submissions, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ZendeskWebhookMapper(sp.GetRequiredService<SubmissionParser>()));
        services.AddSingleton<CaseApi>();
        services.AddSingleton<CustomerErasure>();

        // What-if runs over the stored cases (the Functions app starts them as Durable orchestrations instead).
        services.AddSingleton<StoredCases>();
        services.AddSingleton<SimulationSteps>();
        services.TryAddSingleton<ISimulationLauncher, InProcessSimulationLauncher>();
        return services;
    }

    /// <summary>
    /// Where approved actions go: the help desk's callback by default; <c>Escalation:Actions:WebhookUrl</c> (an operator's
    /// own endpoint, so not held to the callback address rules) with retries and timeouts from the standard resilience handler.
    /// </summary>
    private static void AddActionPort(IServiceCollection services)
    {
        var resilience = services.AddHttpClient(nameof(WebhookActionPort))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .AddStandardResilienceHandler();
        services.AddOptions<HttpStandardResilienceOptions>(resilience.PipelineName).Configure<IOptions<ActionsOptions>>((o, actions) =>
        {
            o.Retry.MaxRetryAttempts = actions.Value.MaxRetries ?? ActionsOptions.DefaultMaxRetries;
            o.Retry.Delay = TimeSpan.FromMilliseconds(500);
        });
        services.AddSingleton<IActionPort>(sp => sp.GetRequiredService<EscalationSettings>() is { ActionsWebhookUrl: { } webhook } settings
            ? new WebhookActionPort(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(WebhookActionPort)), webhook, settings.CallbackSigningKey(),
                sp.GetService<ILoggerFactory>()?.CreateLogger<WebhookActionPort>())
            : new HelpDeskActionPort(sp.GetRequiredService<IHelpDeskCallback>(), sp.GetRequiredService<TimeProvider>()));
    }

    /// <summary>The queue help desks may drop tickets on (the Functions app's queue trigger listens to the same name).</summary>
    public const string InboundQueueName = "cases-inbound";

    /// <summary>
    /// The embedded workflow engine (the local host's Durable Functions), started and stopped with the host, and the
    /// inbound-queue worker. Histories go to the data folder, or to Azure Blobs when the storage provider is Azure.
    /// </summary>
    public static IServiceCollection AddEmbeddedWorkflow(this IServiceCollection services)
    {
        // One process runs every activity of a case: keep the artifacts it works on in memory between activities.
        services.AddSingleton(new CaseArtifactCache());

        // It also owns its data folder alone: the case index, artifacts and traces go to one append-only record log there
        // (no file per write) instead of the file-per-record stores that several processes could share.
        services.AddSingleton(sp => LocalCaseStore.Open(
            sp.GetRequiredService<EscalationSettings>().DataDirectory,
            sp.GetService<ILoggerFactory>()?.CreateLogger("Escalation.Storage") is { } logger ? line => logger.LogInformation("{Line}", line) : null));
        ReplaceWhenLocal<ICaseIndex>(services, store => store.Index);
        ReplaceWhenLocal<IStageArtifactStore>(services, store => store.Artifacts);
        ReplaceWhenLocal<ICaseKeyStore>(services, store => store.Keys);
        ReplaceWhenLocal<ITraceStore>(services, store => store.Traces);
        services.AddSingleton<IWorkflowHistoryStore>(sp => sp.GetRequiredService<EscalationSettings>() is { UsesAzureStorage: true }
            ? new AzureBlobHistoryStore(sp.GetRequiredService<AzureStorageAccount>())
            : new FileHistoryLog(Path.Combine(sp.GetRequiredService<EscalationSettings>().DataDirectory, "workflow")));
        // Both logs stop at a failed write; the health check reports it so a supervisor restarts the host.
        services.AddSingleton<IStorageHealth>(sp => sp.GetRequiredService<EscalationSettings>().UsesAzureStorage
            ? NoStorageProblem.Instance
            : sp.GetRequiredService<LocalCaseStore>().Log);
        services.AddSingleton<IStorageHealth>(sp => sp.GetRequiredService<IWorkflowHistoryStore>() as IStorageHealth ?? NoStorageProblem.Instance);
        // A folder that refuses writes (read-only, full, gone) is reported while it does; the cases wait meanwhile.
        services.AddSingleton<IStorageHealth>(sp => sp.GetRequiredService<EscalationSettings>() is { UsesAzureStorage: false } s
            ? new WritableFolders(sp.GetRequiredService<TimeProvider>(), s.DataDirectory, Path.Combine(s.DataDirectory, "outbox"))
            : NoStorageProblem.Instance);
        services.AddSingleton(sp => new EmbeddedWorkflowEngine(
            sp.GetRequiredService<IWorkflowHistoryStore>(),
            new WorkflowRegistry().AddCaseWorkflow(sp.GetRequiredService<ICaseActivities>()),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<ICaseOrchestrationClient>(sp => new EmbeddedCaseOrchestrationClient(sp.GetRequiredService<EmbeddedWorkflowEngine>()));
        services.AddHostedService<EmbeddedWorkflowHostedService>();
        services.AddHostedService<InboundQueueWorker>();
        services.AddHostedService<LocalRetentionService>();
        return services;
    }

    /// <summary>A store that never stops by itself (Azure Storage: each request stands alone).</summary>
    private sealed class NoStorageProblem : IStorageHealth
    {
        public static readonly NoStorageProblem Instance = new();

        public string? Problem => null;
    }

    /// <summary>With file storage, <typeparamref name="T"/> comes from the local store; with Azure, from the earlier registration.</summary>
    private static void ReplaceWhenLocal<T>(IServiceCollection services, Func<LocalCaseStore, T> local) where T : class
    {
        var earlier = services.Last(d => d.ServiceType == typeof(T)).ImplementationFactory
            ?? throw new InvalidOperationException($"{typeof(T).Name} must be registered by AddEscalation first.");
        services.Replace(ServiceDescriptor.Singleton<T>(sp => sp.GetRequiredService<EscalationSettings>().UsesAzureStorage
            ? (T)earlier(sp)
            : local(sp.GetRequiredService<LocalCaseStore>())));
    }
}

/// <summary>
/// Starts the embedded engine (resuming every unfinished case), then starts the cases that were stored but whose
/// orchestration never started (its start failed, or the process died in between); stops it all cleanly.
/// </summary>
internal sealed class EmbeddedWorkflowHostedService(
    EmbeddedWorkflowEngine engine,
    IWorkflowHistoryStore history,
    ICaseIndex index,
    CaseArtifacts artifacts,
    ICaseOrchestrationClient cases,
    ILogger<EmbeddedWorkflowHostedService> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await engine.StartAsync(cancellationToken);
        var started = 0;
        foreach (var record in await index.QueryByStatusAsync(CaseStatuses.Received, cancellationToken))
        {
            if (engine.GetInstance(record.CaseId) is not null)
            {
                continue;
            }

            if (await artifacts.GetAsync<StoredSubmission>(record.CaseId, CaseArtifacts.Submission, cancellationToken) is not { } stored)
            {
                log.LogWarning("Case {CaseId} is indexed as received but its submission is not stored; the help desk's retry stores it again", record.CaseId);
                continue;
            }

            started += await cases.StartIfNewAsync(CaseIntake.InputFor(record.CaseId, stored), cancellationToken) ? 1 : 0;
        }

        if (started > 0)
        {
            log.LogWarning("Started {Count} stored case(s) whose orchestration had not started", started);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await engine.DisposeAsync();
        if (history is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}

/// <summary>The loaded workspace (loaded once at start; a bad workspace stops the host with a precise error).</summary>
public sealed class WorkspaceHolder(Workspace workspace)
{
    public Workspace Current() => workspace;

    public static WorkspaceHolder Load(EscalationSettings settings, AzureStorageAccount? account)
    {
        if (settings.WorkspaceBlobContainer is { } container)
        {
            var source = new BlobWorkspaceSource((account ?? throw new InvalidOperationException("Escalation:Workspace names a blob container but Azure Storage is not configured (Escalation:Storage).")).Blobs.GetBlobContainerClient(container));
            return new WorkspaceHolder(WorkspaceLoader.LoadAsync(source).GetAwaiter().GetResult());
        }

        return new WorkspaceHolder(WorkspaceLoader.LoadFolderAsync(WorkspaceLocator.Resolve(settings.Workspace)).GetAwaiter().GetResult());
    }
}

/// <summary>
/// What reads tickets besides the embedded reading: the chat model (<c>Escalation:Drafting:ReadTickets</c>), Azure AI
/// Language sentiment on the Functions host, both in turn, or none (a null reader).
/// </summary>
public sealed record ConfiguredSignalReader(ISignalReader? Reader);
