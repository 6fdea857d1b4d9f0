using System.Text;
using System.Text.Json.Nodes;
using Escalation.Api.Submissions;

namespace Escalation.Api.Tests.Submissions;

public class SubmissionParserTests
{
    private static readonly SubmissionParser Parser = new();

    private static bool Known(string id) => id == "cus_014";

    private static JsonObject Valid() => JsonNode.Parse("""
        {
          "ticketId": "ZD-48213",
          "revision": 2,
          "source": "zendesk",
          "kind": "sensitive",
          "customer": { "id": "cus_014", "name": "Dana Ruiz", "email": "dana@example.com", "tier": "Operator",
                        "arr": 5400, "currency": "eur", "customerSince": "2025-09-02", "renewalDate": "2026-12-14", "vip": false },
          "subject": "Refund for the outage week",
          "messages": [
            { "from": "customer", "at": "2026-11-20T09:12:00Z", "text": "We lost a week of work." },
            { "from": "agent", "at": "2026-11-20T10:02:00+01:00", "text": "Looking into it." }
          ],
          "handoff": { "summary": "Refund ask", "priority": "P1", "started": "2026-11-20T09:12:00Z",
                       "whatTried": [ { "action": "Checked logs", "result": "Outage confirmed" } ] },
          "callbackUrl": "https://helpdesk.example.com/hooks/escalation"
        }
        """)!.AsObject();

    private static SubmissionParseResult Parse(JsonNode body) => Parser.Parse(Encoding.UTF8.GetBytes(body.ToJsonString()), Known);

    private static SubmissionParseResult Parse(string body) => Parser.Parse(Encoding.UTF8.GetBytes(body), Known);

    private static void AssertFieldError(SubmissionParseResult result, string pointer, string messagePart, int status = 400)
    {
        Assert.False(result.IsValid);
        Assert.Equal(status, result.Problem.Status);
        var error = Assert.Single(result.Problem.Errors, e => e.Field == pointer);
        Assert.Contains(messagePart, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parse_FullDesignShape_ReadsEveryField()
    {
        var result = Parse(Valid());

        Assert.True(result.IsValid, result.Problem?.ToJson());
        var s = result.Submission;
        Assert.Equal("ZD-48213", s.TicketId);
        Assert.Equal(2, s.Revision);
        Assert.Equal("sensitive", s.Kind);
        Assert.Equal(5400m, s.Customer.Arr);
        Assert.Equal("EUR", s.Customer.Currency);
        Assert.Equal(new DateOnly(2026, 12, 14), s.Customer.RenewalDate);
        Assert.Equal(2, s.Messages.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 2, 0, TimeSpan.Zero), s.Messages[1].At);
        Assert.Equal("Outage confirmed", s.Handoff!.WhatTried[0].Result);
        Assert.Equal("https://helpdesk.example.com/hooks/escalation", s.CallbackUrl);
    }

    [Fact]
    public void Parse_MinimalBody_DefaultsRevisionAndInfersKind()
    {
        var result = Parse("""{"ticketId":"T-1","customer":{"id":"cus_014"},"messages":[{"text":"help"}]}""");

        Assert.True(result.IsValid);
        Assert.Equal(1, result.Submission.Revision);
        Assert.Equal("customer", result.Submission.Messages[0].From);
        Assert.Null(result.Submission.Kind);
    }

    [Fact]
    public void Parse_MalformedJson_Returns400WithLineAndByte()
    {
        var result = Parse("{\n  \"ticketId\": \"T-1\",\n  \"customer\": {\"id\": }\n}");

        Assert.False(result.IsValid);
        Assert.Equal(400, result.Problem.Status);
        Assert.EndsWith("malformed-json", result.Problem.Type);
        // The unexpected '}' is the 22nd byte of line 3.
        Assert.StartsWith("The body is not valid JSON at line 3, byte 22:", result.Problem.Detail);
    }

    [Fact]
    public void Parse_EmptyBody_ReportsEmpty()
    {
        var result = Parser.Parse(Array.Empty<byte>(), Known);

        Assert.Equal(400, result.Problem!.Status);
        Assert.Contains("empty", result.Problem.Detail);
    }

    [Fact]
    public void Parse_BodyOver256KB_Returns413BeforeParsing()
    {
        var body = new byte[256 * 1024 + 1];
        Array.Fill(body, (byte)'{');

        var result = Parser.Parse(body, Known);

        Assert.Equal(413, result.Problem!.Status);
        Assert.EndsWith("body-too-large", result.Problem.Type);
    }

    [Fact]
    public void Parse_BodyOfExactly256KB_IsAccepted()
    {
        var body = Valid();
        body["subject"] = "";
        var padding = 256 * 1024 - Encoding.UTF8.GetByteCount(body.ToJsonString());
        var exact = body.ToJsonString().Replace("\"subject\":\"\"", "\"subject\":\"\"" + new string(' ', padding), StringComparison.Ordinal);

        Assert.Equal(256 * 1024, Encoding.UTF8.GetByteCount(exact));
        Assert.True(Parser.Parse(Encoding.UTF8.GetBytes(exact), Known).IsValid);
    }

    [Fact]
    public void Parse_FormContentType_Returns415()
    {
        var result = Parser.Parse(Encoding.UTF8.GetBytes(Valid().ToJsonString()), Known, contentType: "application/x-www-form-urlencoded");

        Assert.Equal(415, result.Problem!.Status);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/vnd.escalation+json")]
    public void Parse_JsonContentTypes_AreAccepted(string contentType) =>
        Assert.True(Parser.Parse(Encoding.UTF8.GetBytes(Valid().ToJsonString()), Known, contentType: contentType).IsValid);

    [Fact]
    public void Parse_ArrayBody_NamesTheRoot()
    {
        AssertFieldError(Parse("[1,2]"), "", "must be a JSON object");
    }

    [Fact]
    public void Parse_MissingTicketId_NamesTicketId()
    {
        var body = Valid();
        body.Remove("ticketId");

        AssertFieldError(Parse(body), "/ticketId", "required");
    }

    [Fact]
    public void Parse_BlankTicketId_NamesTicketId()
    {
        var body = Valid();
        body["ticketId"] = "   ";

        AssertFieldError(Parse(body), "/ticketId", "must not be empty");
    }

    [Fact]
    public void Parse_TicketIdOver128Chars_NamesTicketId()
    {
        var body = Valid();
        body["ticketId"] = new string('x', 129);

        AssertFieldError(Parse(body), "/ticketId", "at most 128");
    }

    [Fact]
    public void Parse_NumericTicketId_IsWrongType()
    {
        var body = Valid();
        body["ticketId"] = 48213;

        AssertFieldError(Parse(body), "/ticketId", "must be a string");
    }

    [Fact]
    public void Parse_MissingCustomerId_NamesCustomerId()
    {
        var body = Valid();
        body["customer"]!.AsObject().Remove("id");

        AssertFieldError(Parse(body), "/customer/id", "required");
    }

    [Fact]
    public void Parse_MissingCustomer_NamesCustomer()
    {
        var body = Valid();
        body.Remove("customer");

        AssertFieldError(Parse(body), "/customer", "required");
    }

    [Fact]
    public void Parse_ArrAsText_NamesCustomerArr()
    {
        var body = Valid();
        body["customer"]!["arr"] = "lots";

        AssertFieldError(Parse(body), "/customer/arr", "must be a number, not the string \"lots\"");
    }

    [Fact]
    public void Parse_NegativeArr_NamesCustomerArr()
    {
        var body = Valid();
        body["customer"]!["arr"] = -5;

        AssertFieldError(Parse(body), "/customer/arr", "negative");
    }

    [Theory]
    [InlineData("\"next week\"")]
    [InlineData("\"2026-13-01\"")]
    [InlineData("20261214")]
    public void Parse_BadRenewalDate_NamesRenewalDate(string value)
    {
        var body = Valid();
        body["customer"]!["renewalDate"] = JsonNode.Parse(value);

        AssertFieldError(Parse(body), "/customer/renewalDate", "YYYY-MM-DD");
    }

    [Fact]
    public void Parse_VipAsString_NamesVip()
    {
        var body = Valid();
        body["customer"]!["vip"] = "yes";

        AssertFieldError(Parse(body), "/customer/vip", "true or false");
    }

    [Fact]
    public void Parse_BadEmail_NamesEmail()
    {
        var body = Valid();
        body["customer"]!["email"] = "dana at example";

        AssertFieldError(Parse(body), "/customer/email", "e-mail");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("\"2\"")]
    public void Parse_RevisionNotPositiveInteger_NamesRevision(string value)
    {
        var body = Valid();
        body["revision"] = JsonNode.Parse(value);

        AssertFieldError(Parse(body), "/revision", "positive integer");
    }

    [Fact]
    public void Parse_UnknownKind_NamesKind()
    {
        var body = Valid();
        body["kind"] = "urgent";

        AssertFieldError(Parse(body), "/kind", "'sensitive' or 'escalation'");
    }

    [Fact]
    public void Parse_MessagesNotArray_NamesMessages()
    {
        var body = Valid();
        body["messages"] = "hello";

        AssertFieldError(Parse(body), "/messages", "must be an array");
    }

    [Fact]
    public void Parse_NoMessageWithText_NamesMessages()
    {
        var body = Valid();
        body["messages"] = JsonNode.Parse("""[{"from":"customer","text":"  "},{"from":"agent"}]""");

        AssertFieldError(Parse(body), "/messages", "at least one message with text");
    }

    [Fact]
    public void Parse_MissingMessages_NamesMessages()
    {
        var body = Valid();
        body.Remove("messages");

        AssertFieldError(Parse(body), "/messages", "required");
    }

    [Fact]
    public void Parse_MessageTextAsNumber_NamesThatMessage()
    {
        var body = Valid();
        body["messages"]!.AsArray().Add(JsonNode.Parse("""{"text": 42}"""));

        AssertFieldError(Parse(body), "/messages/2/text", "must be a string");
    }

    [Fact]
    public void Parse_MessageOver64KB_NamesThatMessage()
    {
        var body = Valid();
        body["messages"]![1]!["text"] = new string('é', 33 * 1024);

        AssertFieldError(Parse(body), "/messages/1/text", "at most 64 KB");
    }

    [Fact]
    public void Parse_MoreThan200Messages_NamesMessages()
    {
        var body = Valid();
        var messages = new JsonArray();
        for (var i = 0; i < 201; i++)
        {
            messages.Add(new JsonObject { ["text"] = "m" });
        }

        body["messages"] = messages;

        AssertFieldError(Parse(body), "/messages", "at most 200");
    }

    [Fact]
    public void Parse_BadMessageTimestamp_NamesAt()
    {
        var body = Valid();
        body["messages"]![0]!["at"] = "yesterday";

        AssertFieldError(Parse(body), "/messages/0/at", "ISO 8601");
    }

    [Fact]
    public void Parse_UnknownMessageAuthor_NamesFrom()
    {
        var body = Valid();
        body["messages"]![0]!["from"] = "robot";

        AssertFieldError(Parse(body), "/messages/0/from", "customer, agent, internal");
    }

    [Fact]
    public void Parse_HandoffAttemptNotObject_NamesIt()
    {
        var body = Valid();
        body["handoff"]!["whatTried"] = JsonNode.Parse("""["called them"]""");

        AssertFieldError(Parse(body), "/handoff/whatTried/0", "must be an object");
    }

    [Theory]
    [InlineData("/hooks/escalation")]
    [InlineData("ftp://helpdesk.example.com/x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("not a url")]
    public void Parse_InvalidCallbackUrl_NamesCallbackUrl(string url)
    {
        var body = Valid();
        body["callbackUrl"] = url;

        AssertFieldError(Parse(body), "/callbackUrl", "absolute http or https");
    }

    [Fact]
    public void Parse_SeveralBadFields_ReportsEachWithItsPointer()
    {
        var body = Valid();
        body.Remove("ticketId");
        body["customer"]!["arr"] = "lots";
        body["messages"]![1]!["text"] = false;

        var result = Parse(body);

        Assert.Equal(["/ticketId", "/customer/arr", "/messages/1/text"], result.Problem!.Errors.Select(e => e.Field));
        Assert.Contains("3 fields", result.Problem.Detail);
    }

    [Fact]
    public void Parse_UnknownCustomerWithoutProfile_Returns422()
    {
        var body = Valid();
        body["customer"] = JsonNode.Parse("""{"id":"cus_999","name":"New Person"}""");

        var result = Parse(body);

        AssertFieldError(result, "/customer/id", "unknown customer", status: 422);
        Assert.Contains("cus_999", result.Problem!.Detail);
    }

    [Fact]
    public void Parse_UnknownCustomerWithNameAndTier_IsAccepted()
    {
        var body = Valid();
        body["customer"] = JsonNode.Parse("""{"id":"cus_999","name":"New Person","tier":"Starter"}""");

        Assert.True(Parse(body).IsValid);
    }

    [Fact]
    public void Parse_NullOptionalFields_AreTreatedAsAbsent()
    {
        var body = Valid();
        body["handoff"] = null;
        body["callbackUrl"] = null;
        body["customer"]!["arr"] = null;

        var result = Parse(body);

        Assert.True(result.IsValid);
        Assert.Null(result.Submission.Handoff);
        Assert.Null(result.Submission.Customer.Arr);
    }

    [Fact]
    public void Problem_Json_HasRfc7807FieldsInCamelCase()
    {
        var body = Valid();
        body["customer"]!["arr"] = "lots";

        var json = JsonNode.Parse(Parser.Parse(Encoding.UTF8.GetBytes(body.ToJsonString()), Known, instance: "/api/cases").Problem!.ToJson())!;

        Assert.Equal("urn:escalation:problem:invalid-submission", (string?)json["type"]);
        Assert.Equal(400, (int?)json["status"]);
        Assert.Equal("/api/cases", (string?)json["instance"]);
        Assert.NotNull((string?)json["title"]);
        Assert.Equal("/customer/arr", (string?)json["errors"]![0]!["field"]);
        Assert.Contains("/customer/arr", (string?)json["detail"]);
    }
}
