using System.Text;
using System.Text.Json.Nodes;
using Escalation.Api.Submissions;

namespace Escalation.Api.Tests.Submissions;

public class ZendeskWebhookMapperTests
{
    private static readonly ZendeskWebhookMapper Mapper = new();

    private static JsonObject Webhook() => JsonNode.Parse("""
        {
          "ticket": {
            "id": 48213,
            "subject": "Refund for the outage week",
            "description": "We lost a week of work.",
            "priority": "urgent",
            "type": "problem",
            "tags": ["VIP", "billing"],
            "created_at": "2026-11-20T09:12:00Z",
            "requester": { "id": 991, "name": "Dana Ruiz", "email": "dana@example.com", "external_id": "cus_014" },
            "comments": [
              { "author_id": 991, "public": true, "body": "We lost a week of work.", "created_at": "2026-11-20T09:12:00Z" },
              { "author_id": 7, "public": true, "body": "Sorry, checking now.", "created_at": "2026-11-20T10:00:00Z" },
              { "author_id": 7, "public": false, "body": "Outage confirmed in logs.", "created_at": "2026-11-20T10:05:00Z" }
            ]
          },
          "callback_url": "https://acme.zendesk.example/hooks/escalation"
        }
        """)!.AsObject();

    private static SubmissionParseResult Map(JsonNode body) =>
        Mapper.Map(Encoding.UTF8.GetBytes(body.ToJsonString()), id => id == "cus_014");

    [Fact]
    public void Map_ZendeskTicket_BecomesSubmission()
    {
        var result = Map(Webhook());

        Assert.True(result.IsValid, result.Problem?.ToJson());
        var s = result.Submission;
        Assert.Equal("ZD-48213", s.TicketId);
        Assert.Equal("zendesk", s.Source);
        Assert.Equal("cus_014", s.Customer.Id);
        Assert.Equal("Dana Ruiz", s.Customer.Name);
        Assert.True(s.Customer.Vip);
        Assert.Equal(["customer", "agent", "internal"], s.Messages.Select(m => m.From));
        Assert.Equal("https://acme.zendesk.example/hooks/escalation", s.CallbackUrl);
        Assert.Null(s.Handoff);
    }

    [Fact]
    public void Map_NoComments_UsesDescriptionAsCustomerMessage()
    {
        var body = Webhook();
        body["ticket"]!.AsObject().Remove("comments");

        var s = Map(body).Submission!;

        var message = Assert.Single(s.Messages);
        Assert.Equal("customer", message.From);
        Assert.Equal("We lost a week of work.", message.Text);
    }

    [Fact]
    public void Map_EscalationTag_MakesEscalationWithHandoff()
    {
        var body = Webhook();
        body["ticket"]!["tags"] = JsonNode.Parse("""["escalation"]""");

        var s = Map(body).Submission!;

        Assert.Equal("escalation", s.Kind);
        Assert.Equal("P1", s.Handoff!.Priority);
        Assert.Equal("problem", s.Handoff.Category);
    }

    [Fact]
    public void Map_RequesterWithoutExternalId_UsesZendeskUserIdAndNeedsProfile()
    {
        var body = Webhook();
        body["ticket"]!["requester"]!.AsObject().Remove("external_id");

        var result = Map(body);

        Assert.Equal(422, result.Problem!.Status);
        Assert.Contains("zd-user-991", result.Problem.Detail);
        Assert.Equal("/ticket/requester/id", result.Problem.Errors[0].Field);
    }

    [Fact]
    public void Map_MissingTicketId_NamesWebhookField()
    {
        var body = Webhook();
        body["ticket"]!.AsObject().Remove("id");

        var result = Map(body);

        Assert.Equal("/ticket/id", Assert.Single(result.Problem!.Errors).Field);
    }

    [Fact]
    public void Map_CommentBodyWrongType_NamesWebhookFieldNotMappedOne()
    {
        var body = Webhook();
        body["ticket"]!["comments"]![2]!["body"] = 12;

        var result = Map(body);

        Assert.Equal(400, result.Problem!.Status);
        Assert.Equal("/ticket/comments/2/body", Assert.Single(result.Problem.Errors).Field);
        Assert.Contains("/ticket/comments/2/body", result.Problem.Detail);
    }

    [Fact]
    public void Map_BadCallbackUrl_NamesCallbackUrlField()
    {
        var body = Webhook();
        body["callback_url"] = "hooks";

        Assert.Equal("/callback_url", Assert.Single(Map(body).Problem!.Errors).Field);
    }

    [Fact]
    public void Map_MalformedJson_Returns400()
    {
        var result = Mapper.Map("{\"ticket\":"u8.ToArray(), _ => true);

        Assert.Equal(400, result.Problem!.Status);
        Assert.EndsWith("malformed-json", result.Problem.Type);
    }
}
