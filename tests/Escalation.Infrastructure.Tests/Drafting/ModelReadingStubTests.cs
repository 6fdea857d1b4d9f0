using Escalation.Core.Decisions;
using Escalation.Core.Signals;
using Escalation.Core.Tickets;
using Escalation.Infrastructure.Drafting;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static Escalation.Infrastructure.Tests.Drafting.ChatStub;

namespace Escalation.Infrastructure.Tests.Drafting;

/// <summary>Issue 25, optional model reading: the real OpenAI client against a local stub endpoint.</summary>
public sealed class ModelReadingStubTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly WireMockServer _server = Start();

    public void Dispose() => _server.Dispose();

    private DraftingOptions Options(bool read = true, double readTimeout = 30) => new() // generous: a first call on a loaded CI machine is slow
    {
        Provider = DraftingProviders.OpenAi, Endpoint = BaseUrl(_server), Model = Model, ApiKey = "test-key",
        ReadTickets = read, ReadTimeoutSeconds = readTimeout,
    };

    private void Respond(string text, TimeSpan? delay = null)
    {
        var response = Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Completion(text));
        _server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
            .RespondWith(delay is { } d ? response.WithDelay(d) : response);
    }

    private static async Task<CaseSignals> DetectAsync(ModelReader? reader)
    {
        var workspace = StubWorkspace();
        var ticket = new CaseSubmission
        {
            TicketId = "T-read", Customer = new CustomerProfile { Id = "cus_001" },
            Messages = [new TicketMessage { From = "customer", At = Now.AddHours(-1), Text = "Hello, I was charged €49 on 2026-11-20 and would like it refunded, please." }],
        };
        var embedded = Embedded(ticket, workspace.FindCustomer("cus_001")!, workspace, Now);
        return reader is null ? embedded : await reader.AddToAsync(embedded, ticket);
    }

    private static readonly CaseDetector Embedded = CaseDetectors.From(new DetectStage());

    [Fact]
    public async Task CreateModelReader_StubReadsPublicExposure_FlagAddedWithTrace()
    {
        Respond("""{"language":"en","intent":"refund","amounts":[49],"legal":false,"distress":false,"chargeback":false,"publicExposure":true}""");

        var signals = await DetectAsync(DraftingSetup.CreateModelReader(Options()));

        Assert.False((await DetectAsync(null)).Text.PublicExposure);
        Assert.True(signals.Text.PublicExposure);
        Assert.Contains(signals.Trace, e => e.Text.Contains($"Model reading by {Model}", StringComparison.Ordinal) && e.Text.Contains("added public-exposure", StringComparison.Ordinal));
        var sent = Assert.Single(_server.LogEntries);
        Assert.Contains("publicExposure", sent.RequestMessage.Body!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateModelReader_StubAnswersProse_EmbeddedReadingWithTheReason()
    {
        Respond("The customer would like a refund.");

        var signals = await DetectAsync(DraftingSetup.CreateModelReader(Options()));

        var embedded = await DetectAsync(null);
        Assert.Equal((embedded.Text.Legal, embedded.Text.Distress, embedded.Text.Chargeback, embedded.Text.PublicExposure, embedded.Language.Code),
            (signals.Text.Legal, signals.Text.Distress, signals.Text.Chargeback, signals.Text.PublicExposure, signals.Language.Code));
        Assert.Contains(signals.Trace, e => e.Text.Contains("not used (malformed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateModelReader_StubSlowerThanTheReadTimeout_EmbeddedReadingWithTimeout()
    {
        Respond("""{"language":"en","intent":"refund","amounts":[49],"legal":true,"distress":false,"chargeback":false,"publicExposure":false}""", TimeSpan.FromSeconds(3));

        var signals = await DetectAsync(DraftingSetup.CreateModelReader(Options(readTimeout: 0.3)));

        Assert.False(signals.Text.Legal);
        Assert.Contains(signals.Trace, e => e.Text.Contains("not used (timeout", StringComparison.Ordinal));
    }

    [Fact]
    public void CreateModelReader_ReadTicketsOff_NoModelReading()
    {
        Assert.Null(DraftingSetup.CreateModelReader(Options(read: false)));
        Assert.Empty(_server.LogEntries);
    }

    [Fact]
    public void From_ReadTicketsWithoutAModel_IsRejected()
    {
        var o = DraftingOptions.From(k => k switch { "ReadTickets" => "true", _ => null });

        Assert.True(o.ReadTickets);
        Assert.Contains("ReadTickets needs a chat model", Assert.Throws<DraftingConfigurationException>(o.Validate).Message, StringComparison.Ordinal);
    }
}
