namespace Escalation.Api.OpenApi;

/// <summary>The OpenAPI document's text (kept apart so the JSON reads as JSON).</summary>
internal static class OpenApiJson
{
    public const string Text = """
{
  "openapi": "3.1.0",
  "info": {
    "title": "Escalation Functions",
    "version": "1.0.0",
    "summary": "Senior-support case handling: sensitive cases and complex escalations, with human review and decision traces.",
    "description": "Help desks submit tickets; each becomes a case that is handled (sensitive case handling or complex escalation resolution), routed, and written down as an immutable decision trace. Bad input is answered with RFC 7807 problem+json naming the field (a JSON pointer). Review and public-audit links carry their own signed token; every other route needs the API key in the x-functions-key header."
  },
  "servers": [ { "url": "/" } ],
  "security": [ { "functionKey": [] } ],
  "tags": [
    { "name": "cases", "description": "Submitting and following cases" },
    { "name": "review", "description": "The reviewer's page and decision form (signed link)" },
    { "name": "audit", "description": "Decision traces" },
    { "name": "privacy", "description": "Erasing a customer's personal data" },
    { "name": "simulations", "description": "What-if: replaying stored cases with a candidate workspace" },
    { "name": "operations", "description": "Health and metrics" }
  ],
  "paths": {
    "/api/cases": {
      "post": {
        "tags": ["cases"],
        "operationId": "submitCase",
        "summary": "Submit a ticket",
        "description": "Starts a case for the ticket. A repeated submission (same ticketId and revision) returns the same case. With ?wait=N the answer waits up to N seconds and includes the decision when it is ready.",
        "parameters": [
          { "name": "wait", "in": "query", "required": false, "description": "Seconds to wait for the decision (0-30).", "schema": { "type": "integer", "minimum": 0, "maximum": 30 } }
        ],
        "requestBody": {
          "required": true,
          "description": "At most 256 KB.",
          "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CaseSubmission" } } }
        },
        "responses": {
          "200": { "description": "The decision was ready within ?wait.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CaseStatus" } } } },
          "202": {
            "description": "Accepted; follow statusUrl.",
            "headers": { "Location": { "description": "The case's status URL.", "schema": { "type": "string" } } },
            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CaseAccepted" } } }
          },
          "400": { "$ref": "#/components/responses/BadRequest" },
          "401": { "$ref": "#/components/responses/Unauthorized" },
          "413": { "$ref": "#/components/responses/TooLarge" },
          "415": { "$ref": "#/components/responses/UnsupportedMediaType" },
          "422": { "$ref": "#/components/responses/Unprocessable" },
          "503": { "$ref": "#/components/responses/StorageUnavailable" }
        }
      },
      "get": {
        "tags": ["cases"],
        "operationId": "listCases",
        "summary": "List cases",
        "parameters": [
          { "name": "status", "in": "query", "required": false, "description": "Only cases in this status (needs-attention: cases waiting out a fault).", "schema": { "$ref": "#/components/schemas/CaseStatusName" } },
          { "name": "limit", "in": "query", "required": false, "description": "Cases per page (1-500, default 100).", "schema": { "type": "integer", "minimum": 1, "maximum": 500 } },
          { "name": "continuation", "in": "query", "required": false, "description": "The continuation token of the previous page.", "schema": { "type": "string" } }
        ],
        "responses": {
          "200": { "description": "A page of cases, newest first; continuation and next are absent on the last page.", "content": { "application/json": { "schema": { "type": "object", "properties": { "cases": { "type": "array", "items": { "$ref": "#/components/schemas/CaseStatus" } }, "continuation": { "type": "string" }, "next": { "type": "string" } }, "required": ["cases"] } } } },
          "400": { "$ref": "#/components/responses/BadRequest" },
          "401": { "$ref": "#/components/responses/Unauthorized" }
        }
      }
    },
    "/api/cases/{caseId}/resume": {
      "post": {
        "tags": ["cases"],
        "operationId": "resumeCase",
        "summary": "Resume a case that needs attention",
        "description": "A case whose step still failed after its retries (e.g. storage refused writes) waits as needs-attention and tries again by itself (after 1, 2, 4, 8, then every 10 minutes); this asks it to try now.",
        "parameters": [ { "name": "caseId", "in": "path", "required": true, "schema": { "type": "string" } } ],
        "responses": {
          "202": { "description": "The case tries its failed step again.", "content": { "application/json": { "schema": { "type": "object", "properties": { "caseId": { "type": "string" }, "resumed": { "type": "boolean" }, "statusUrl": { "type": "string" } } } } } },
          "401": { "$ref": "#/components/responses/Unauthorized" },
          "404": { "description": "No such case.", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } },
          "409": { "description": "The case does not need attention.", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } }
        }
      }
    },
    "/api/customers/{customerId}/erasure": {
      "post": {
        "tags": ["privacy"],
        "operationId": "eraseCustomer",
        "summary": "Erase a customer's personal data from all their cases",
        "description": "Each case of the customer gets an erasure record on its trace chain; then its case key is destroyed, so the personal data sealed under it (artifacts, the free text of traces) no longer reads, and its e-mails are removed from the outbox. Every chain still verifies. Refused, with nothing changed, while a case of the customer is still open. Running it again changes nothing more.",
        "parameters": [ { "name": "customerId", "in": "path", "required": true, "schema": { "type": "string", "maxLength": 200 } } ],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "properties": { "requestedBy": { "type": "string", "maxLength": 128, "description": "Who asks for the erasure; recorded on each case's trace." }, "reference": { "type": "string", "maxLength": 64, "pattern": "^[A-Za-z0-9_.:#/-]+$", "description": "The request's reference, e.g. the help desk's ticket (written in the clear)." } }, "required": ["requestedBy"] } } } },
        "responses": {
          "200": { "description": "What was erased.", "content": { "application/json": { "schema": { "type": "object", "properties": { "customerId": { "type": "string" }, "cases": { "type": "array", "items": { "type": "object", "properties": { "caseId": { "type": "string" }, "ticketId": { "type": "string" }, "traceId": { "type": "string" }, "keyDestroyed": { "type": "boolean" }, "outboxMessagesRemoved": { "type": "integer" } } } } } } } } },
          "400": { "$ref": "#/components/responses/BadRequest" },
          "401": { "$ref": "#/components/responses/Unauthorized" },
          "404": { "description": "No case is stored for the customer.", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } },
          "409": { "description": "Cases of the customer are still open; nothing was erased.", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } }
        }
      }
    },
    "/api/simulations": {
      "post": {
        "tags": ["simulations"],
        "operationId": "startSimulation",
        "summary": "Replay the stored cases with a candidate workspace (what-if)",
        "description": "Decides every stored case again with the candidate workspace, as of the instant each was received, and compares each with its decision on record (or with the live workspace): route transitions, newly auto-sent cases, risky flips (a reviewer overruled the recorded decision), reason codes gained and lost, priority changes and the money the actions would move. Nothing is sent and no case changes. On Azure Functions the run is a Durable orchestration fanning out over batches of cases.",
        "parameters": [
          { "name": "since", "in": "query", "schema": { "type": "string", "format": "date-time" }, "description": "Only cases created from this date or instant." },
          { "name": "baseline", "in": "query", "schema": { "type": "string", "enum": ["recorded", "live"], "default": "recorded" }, "description": "Compare with each case's decision on record, or with the workspace the service runs now." },
          { "name": "wait", "in": "query", "schema": { "type": "integer", "minimum": 0, "maximum": 30 }, "description": "Seconds to wait for the report before answering 202." }
        ],
        "requestBody": { "required": true, "content": {
          "application/zip": { "schema": { "type": "string", "format": "binary" }, "description": "The candidate workspace: its files at the archive's root or in one folder." },
          "application/json": { "schema": { "type": "object", "properties": { "container": { "type": "string", "description": "A blob container holding the candidate workspace (Azure Storage only)." }, "prefix": { "type": "string" } }, "required": ["container"] } }
        } },
        "responses": {
          "200": { "description": "The run finished within wait: its report.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SimulationAnswer" } } } },
          "202": { "description": "The run started; follow it at statusUrl (also in Location).", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SimulationAnswer" } } } },
          "400": { "$ref": "#/components/responses/BadRequest" },
          "401": { "$ref": "#/components/responses/Unauthorized" },
          "413": { "$ref": "#/components/responses/TooLarge" },
          "415": { "$ref": "#/components/responses/UnsupportedMediaType" }
        }
      }
    },
    "/api/simulations/{simulationId}": {
      "get": {
        "tags": ["simulations"],
        "operationId": "getSimulation",
        "summary": "A what-if run's progress, and its report once completed",
        "description": "JSON by default; the report as a page (transition matrix, chart, changed cases with audit links) when text/html is accepted.",
        "parameters": [ { "name": "simulationId", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^sim-[0-9a-f]+$" } } ],
        "responses": {
          "200": { "description": "Status (running, completed or failed), batches done, and the report when completed.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SimulationAnswer" } }, "text/html": { "schema": { "type": "string" } } } },
          "401": { "$ref": "#/components/responses/Unauthorized" },
          "404": { "description": "No such simulation.", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } }
        }
      }
    },
    "/api/cases/{caseId}": {
      "get": {
        "tags": ["cases"],
        "operationId": "getCase",
        "summary": "A case's status, route, reasons and draft",
        "parameters": [ { "$ref": "#/components/parameters/CaseId" } ],
        "responses": {
          "200": { "description": "The case.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CaseStatus" } } } },
          "401": { "$ref": "#/components/responses/Unauthorized" },
          "404": { "$ref": "#/components/responses/NotFound" }
        }
      }
    },
    "/api/webhooks/zendesk": {
      "post": {
        "tags": ["cases"],
        "operationId": "submitZendeskWebhook",
        "summary": "Submit a ticket as a Zendesk-style webhook body",
        "description": "Mapped to the submission shape: ticket.id becomes ticketId ZD-<id>, requester.external_id the customer id (else zd-user-<requester.id>), comments[] the messages (description when there are none), tags vip and escalation set customer.vip and kind. Errors name the field of the webhook body.",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ZendeskWebhook" } } } },
        "responses": {
          "202": { "description": "Accepted; follow statusUrl.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CaseAccepted" } } } },
          "400": { "$ref": "#/components/responses/BadRequest" },
          "401": { "$ref": "#/components/responses/Unauthorized" },
          "413": { "$ref": "#/components/responses/TooLarge" },
          "415": { "$ref": "#/components/responses/UnsupportedMediaType" },
          "422": { "$ref": "#/components/responses/Unprocessable" },
          "503": { "$ref": "#/components/responses/StorageUnavailable" }
        }
      }
    },
    "/api/review/{caseId}": {
      "get": {
        "tags": ["review"],
        "operationId": "showReviewPage",
        "summary": "The review page (HTML)",
        "description": "Shows the draft, reasons, signals with evidence, cited policy text and version, precedents, playbook, customer context and SLA deadline, with the decision form. Opening it never acts (mail scanners open links).",
        "security": [],
        "parameters": [ { "$ref": "#/components/parameters/CaseId" }, { "$ref": "#/components/parameters/Token" } ],
        "responses": {
          "200": { "description": "The review page.", "content": { "text/html": { "schema": { "type": "string" } } } },
          "403": { "description": "Invalid link (page).", "content": { "text/html": { "schema": { "type": "string" } } } },
          "409": { "description": "Already decided (page).", "content": { "text/html": { "schema": { "type": "string" } } } },
          "410": { "description": "Link expired (page).", "content": { "text/html": { "schema": { "type": "string" } } } }
        }
      },
      "post": {
        "tags": ["review"],
        "operationId": "decideReview",
        "summary": "Record the reviewer's decision (once)",
        "description": "Acts once per token: a second use or a case no longer awaiting review answers with the 'already decided' page and changes nothing.",
        "security": [],
        "parameters": [ { "$ref": "#/components/parameters/CaseId" } ],
        "requestBody": {
          "required": true,
          "content": { "application/x-www-form-urlencoded": { "schema": { "$ref": "#/components/schemas/ReviewForm" } } }
        },
        "responses": {
          "200": { "description": "Decision recorded (page).", "content": { "text/html": { "schema": { "type": "string" } } } },
          "400": { "description": "The form is incomplete (page).", "content": { "text/html": { "schema": { "type": "string" } } } },
          "403": { "description": "Invalid link (page).", "content": { "text/html": { "schema": { "type": "string" } } } },
          "409": { "description": "Already decided (page).", "content": { "text/html": { "schema": { "type": "string" } } } },
          "410": { "description": "Link expired (page).", "content": { "text/html": { "schema": { "type": "string" } } } }
        }
      }
    },
    "/api/audit/{traceId}": {
      "get": {
        "tags": ["audit"],
        "operationId": "getTrace",
        "summary": "A decision trace (JSON, or HTML when the client accepts text/html)",
        "parameters": [ { "$ref": "#/components/parameters/TraceId" } ],
        "responses": {
          "200": { "description": "The trace (cached for a year: its bytes hash to its id).", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/DecisionTrace" } }, "text/html": { "schema": { "type": "string" } } } },
          "401": { "$ref": "#/components/responses/Unauthorized" },
          "404": { "$ref": "#/components/responses/NotFound" },
          "500": { "description": "The stored bytes do not hash to this id (altered after they were written): not served, not cached; GET /api/health reports it.", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } }
        }
      }
    },
    "/api/audit/{traceId}/verify": {
      "get": {
        "tags": ["audit"],
        "operationId": "verifyTrace",
        "summary": "Check a trace has not been altered",
        "parameters": [ { "$ref": "#/components/parameters/TraceId" } ],
        "responses": {
          "200": { "description": "The verification result.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/TraceVerification" } } } },
          "401": { "$ref": "#/components/responses/Unauthorized" },
          "404": { "$ref": "#/components/responses/NotFound" }
        }
      }
    },
    "/api/public/audit/{traceId}": {
      "get": {
        "tags": ["audit"],
        "operationId": "getPublicTrace",
        "summary": "The redacted customer view of a trace (HTML, signed link)",
        "security": [],
        "parameters": [ { "$ref": "#/components/parameters/TraceId" }, { "$ref": "#/components/parameters/Token" } ],
        "responses": {
          "200": { "description": "The customer view.", "content": { "text/html": { "schema": { "type": "string" } } } },
          "403": { "description": "Invalid link (page).", "content": { "text/html": { "schema": { "type": "string" } } } },
          "410": { "description": "Link expired (page).", "content": { "text/html": { "schema": { "type": "string" } } } }
        }
      }
    },
    "/api/health": {
      "get": {
        "tags": ["operations"],
        "operationId": "health",
        "summary": "Liveness and workspace status",
        "security": [],
        "responses": {
          "200": { "description": "Healthy; status is needs-attention while cases wait out a fault (needsAttention counts them).", "content": { "application/json": { "schema": { "type": "object", "properties": { "status": { "type": "string", "examples": ["ok", "needs-attention"] }, "needsAttention": { "type": "integer" } }, "additionalProperties": true } } } },
          "503": { "description": "A local folder refuses writes (cases wait meanwhile), a local store stopped after a failed write (restart the host), or a store holds damaged records or altered traces (the rest is still served; see docs/storage.md). The detail names the segment and offset.", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } }
        }
      }
    },
    "/api/metrics/summary": {
      "get": {
        "tags": ["operations"],
        "operationId": "metricsSummary",
        "summary": "Case counts by status and route, review times and SLA breaches",
        "responses": {
          "200": { "description": "The summary.", "content": { "application/json": { "schema": { "type": "object", "additionalProperties": true } } } },
          "401": { "$ref": "#/components/responses/Unauthorized" }
        }
      }
    },
    "/api/openapi.json": {
      "get": {
        "tags": ["operations"],
        "operationId": "openApi",
        "summary": "This document",
        "security": [],
        "responses": { "200": { "description": "OpenAPI 3.1.", "content": { "application/json": { "schema": { "type": "object" } } } } }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "functionKey": { "type": "apiKey", "in": "header", "name": "x-functions-key", "description": "The help desk's API key (as Azure Functions function keys)." }
    },
    "parameters": {
      "CaseId": { "name": "caseId", "in": "path", "required": true, "schema": { "type": "string" } },
      "TraceId": { "name": "traceId", "in": "path", "required": true, "schema": { "type": "string" } },
      "Token": { "name": "token", "in": "query", "required": true, "description": "The signed link token from the e-mail.", "schema": { "type": "string" } }
    },
    "responses": {
      "BadRequest": { "description": "Malformed JSON or invalid fields.", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } },
      "Unauthorized": { "description": "Missing or wrong API key.", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } },
      "NotFound": { "description": "No such case or trace.", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } },
      "TooLarge": { "description": "The body is over 256 KB.", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } },
      "UnsupportedMediaType": { "description": "The body is not application/json.", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } },
      "StorageUnavailable": { "description": "Storage refused a write; nothing was acknowledged. Retry later.", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } },
      "Unprocessable": { "description": "Unknown customer id and no inline profile (name and tier).", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } }
    },
    "schemas": {
      "SimulationAnswer": {
        "type": "object",
        "properties": {
          "simulation": { "type": "object", "properties": {
            "id": { "type": "string" }, "status": { "type": "string", "enum": ["running", "completed", "failed"] }, "requested": { "type": "string", "format": "date-time" },
            "cases": { "type": "integer" }, "batches": { "type": "integer" }, "batchesDone": { "type": "integer" }, "error": { "type": "string" },
            "report": { "type": "object", "description": "Transitions (from, to, count), flips, newAutoSends, newlyToHumans, riskyFlips, reasonsGained, reasonsLost, priorityChanges, moneyBefore, moneyAfter, skipped (docs/simulate.md)." } } },
          "statusUrl": { "type": "string" }
        }
      },
      "Problem": {
        "type": "object",
        "description": "RFC 7807 problem details.",
        "required": ["type", "title", "status"],
        "properties": {
          "type": { "type": "string", "format": "uri-reference", "examples": ["urn:escalation:problem:invalid-submission"] },
          "title": { "type": "string" },
          "status": { "type": "integer" },
          "detail": { "type": "string" },
          "instance": { "type": "string" },
          "errors": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["field", "message"],
              "properties": {
                "field": { "type": "string", "description": "A JSON pointer into the body, e.g. /customer/arr or /messages/2/text; empty for the whole body.", "examples": ["/customer/arr"] },
                "message": { "type": "string" }
              }
            }
          }
        }
      },
      "CaseSubmission": {
        "type": "object",
        "required": ["ticketId", "customer", "messages"],
        "properties": {
          "ticketId": { "type": "string", "minLength": 1, "maxLength": 128, "examples": ["ZD-48213"] },
          "revision": { "type": "integer", "minimum": 1, "default": 1, "description": "A new revision of a ticket is a new case." },
          "source": { "type": "string", "maxLength": 128, "examples": ["zendesk"] },
          "kind": { "type": "string", "enum": ["sensitive", "escalation"], "description": "Inferred when absent: escalation when handoff is present." },
          "customer": { "$ref": "#/components/schemas/Customer" },
          "subject": { "type": "string", "maxLength": 1000 },
          "messages": { "type": "array", "maxItems": 200, "minItems": 1, "description": "At least one message must have text.", "items": { "$ref": "#/components/schemas/Message" } },
          "handoff": { "$ref": "#/components/schemas/Handoff" },
          "callbackUrl": { "type": "string", "format": "uri", "maxLength": 2048, "description": "Absolute http(s) URL; decisions, drafts and review outcomes are POSTed here as internal notes." }
        }
      },
      "Customer": {
        "type": "object",
        "required": ["id"],
        "description": "Inline fields override the workspace profile; for an id not in the workspace, name and tier are required.",
        "properties": {
          "id": { "type": "string", "minLength": 1, "maxLength": 128, "examples": ["cus_014"] },
          "name": { "type": "string", "maxLength": 1000 },
          "email": { "type": "string", "format": "email" },
          "company": { "type": "string", "maxLength": 1000 },
          "tier": { "type": "string", "maxLength": 128 },
          "mrr": { "type": "number", "minimum": 0 },
          "arr": { "type": "number", "minimum": 0 },
          "currency": { "type": "string", "pattern": "^[A-Za-z]{3}$" },
          "customerSince": { "type": "string", "format": "date" },
          "renewalDate": { "type": "string", "format": "date" },
          "vip": { "type": "boolean" }
        }
      },
      "Message": {
        "type": "object",
        "properties": {
          "from": { "type": "string", "enum": ["customer", "agent", "internal"], "default": "customer" },
          "at": { "type": "string", "format": "date-time" },
          "text": { "type": "string", "description": "At most 64 KB of UTF-8." }
        }
      },
      "Handoff": {
        "type": "object",
        "description": "Tier 1's escalation handoff (seed 003 template).",
        "properties": {
          "summary": { "type": "string" },
          "category": { "type": "string" },
          "priority": { "type": "string", "examples": ["P1"] },
          "started": { "type": "string", "format": "date-time" },
          "whatTried": { "type": "array", "maxItems": 50, "items": { "type": "object", "properties": { "action": { "type": "string" }, "result": { "type": "string" } } } },
          "whatNeeded": { "type": "string" },
          "customerExpectation": { "type": "string" },
          "urgencyReason": { "type": "string" }
        }
      },
      "ZendeskWebhook": {
        "type": "object",
        "required": ["ticket"],
        "properties": {
          "ticket": {
            "type": "object",
            "required": ["id", "requester"],
            "properties": {
              "id": { "type": ["integer", "string"] },
              "revision": { "type": "integer", "minimum": 1 },
              "subject": { "type": "string" },
              "description": { "type": "string" },
              "priority": { "type": "string", "enum": ["urgent", "high", "normal", "low"] },
              "type": { "type": "string" },
              "tags": { "type": "array", "items": { "type": "string" } },
              "created_at": { "type": "string", "format": "date-time" },
              "requester": {
                "type": "object",
                "required": ["id"],
                "properties": {
                  "id": { "type": ["integer", "string"] },
                  "name": { "type": "string" },
                  "email": { "type": "string" },
                  "external_id": { "type": "string", "description": "The workspace customer id." },
                  "tier": { "type": "string" }
                }
              },
              "comments": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "author_id": { "type": ["integer", "string"] },
                    "public": { "type": "boolean" },
                    "body": { "type": "string" },
                    "plain_body": { "type": "string" },
                    "created_at": { "type": "string", "format": "date-time" }
                  }
                }
              }
            }
          },
          "kind": { "type": "string", "enum": ["sensitive", "escalation"] },
          "callback_url": { "type": "string", "format": "uri" }
        }
      },
      "CaseAccepted": {
        "type": "object",
        "required": ["caseId", "statusUrl"],
        "properties": {
          "caseId": { "type": "string" },
          "statusUrl": { "type": "string" },
          "status": { "$ref": "#/components/schemas/CaseStatusName" },
          "duplicate": { "type": "boolean", "description": "True when the same ticket id and revision was submitted before." }
        }
      },
      "CaseStatusName": { "type": "string", "examples": ["running", "needs-attention", "awaiting-review", "completed", "failed"] },
      "CaseStatus": {
        "type": "object",
        "required": ["caseId", "ticketId", "status"],
        "properties": {
          "caseId": { "type": "string" },
          "ticketId": { "type": "string" },
          "kind": { "type": "string", "enum": ["sensitive", "escalation"] },
          "status": { "$ref": "#/components/schemas/CaseStatusName" },
          "stage": { "type": "string", "examples": ["tone-check"] },
          "priority": { "type": "string", "examples": ["P1"] },
          "language": { "type": "string", "description": "The customer's language, ISO 639-1 (und when too short to tell); only en, es, de, fr, pt, it, nl are covered.", "examples": ["en", "pl", "und"] },
          "route": { "type": "string", "examples": ["draft-and-send", "draft-for-review", "escalate", "resolve-in-place", "return-to-tier-1"] },
          "reasons": { "type": "array", "items": { "type": "string" } },
          "draft": { "type": "string" },
          "slaDeadline": { "type": "string", "format": "date-time" },
          "auditUrl": { "type": "string" },
          "publicAuditUrl": { "type": "string" },
          "callbackFailures": { "type": "array", "items": { "type": "string" } },
          "actions": { "type": "array", "description": "What the decision executes besides replying (docs/actions.md).", "items": { "$ref": "#/components/schemas/CaseAction" } },
          "actionFailure": { "type": "string", "description": "Why executing the actions failed; no reply claiming them was sent." },
          "actionResults": { "type": "array", "description": "Each action of the last execution: idempotencyKey, action, proposedAmount (when a reviewer lowered it), executed, detail, port.", "items": { "type": "object" } }
        }
      },
      "CaseAction": {
        "type": "object",
        "required": ["kind", "policyCitation"],
        "properties": {
          "kind": { "type": "string", "enum": ["refund", "credit", "cancel-subscription", "remove-add-on", "downgrade", "bug-report", "retention-discount"] },
          "amount": { "type": "number" },
          "currency": { "type": "string" },
          "limit": { "type": "number", "description": "The most the policy allows; a reviewer may only lower the amount." },
          "chargeDate": { "type": "string", "format": "date" },
          "reference": { "type": "string" },
          "reason": { "type": "string" },
          "effective": { "type": "string" },
          "plan": { "type": "string" },
          "summary": { "type": "string" },
          "percent": { "type": "number" },
          "months": { "type": "integer" },
          "policyCitation": { "type": "string" },
          "rule": { "type": "string" },
          "needsApproval": { "type": "boolean", "description": "Executed only after a reviewer approves it, never on an auto-sent case." }
        }
      },
      "ReviewForm": {
        "type": "object",
        "required": ["token", "action"],
        "properties": {
          "token": { "type": "string" },
          "action": { "type": "string", "enum": ["approve", "edit", "reject", "escalate"] },
          "reply": { "type": "string", "description": "The reply to send (edit)." },
          "note": { "type": "string", "description": "The reviewer's note (reject, escalate)." }
        }
      },
      "DecisionTrace": { "type": "object", "description": "The immutable decision trace: inputs read, policy versions and hashes, precedents, signals, stages, decision and reasons.", "additionalProperties": true },
      "TraceVerification": {
        "type": "object",
        "required": ["traceId", "caseId", "standing", "verification"],
        "properties": {
          "traceId": { "type": "string" },
          "caseId": { "type": "string" },
          "standing": { "type": "string", "enum": ["in-chain", "superseded", "outside-chain"], "description": "in-chain: part of the record; superseded: stored by a writer that lost the race for its chain slot and wrote again (kept, recorded, not part of the record); outside-chain: stored, but its writer stopped before claiming a slot or recording the loss." },
          "position": { "type": ["integer", "null"], "description": "The trace's position in the chain when in-chain." },
          "verification": {
            "type": "object",
            "properties": {
              "caseId": { "type": ["string", "null"] },
              "length": { "type": "integer" },
              "ok": { "type": "boolean" },
              "breaks": { "type": "array", "items": { "$ref": "#/components/schemas/ChainBreak" } },
              "superseded": { "type": "array", "items": { "type": "string" }, "description": "Traces stored for the case by writers that lost the race for their chain slot." },
              "firstBreak": { "oneOf": [ { "$ref": "#/components/schemas/ChainBreak" }, { "type": "null" } ] }
            }
          }
        }
      },
      "ChainBreak": {
        "type": "object",
        "properties": {
          "position": { "type": "integer" },
          "traceId": { "type": "string" },
          "kind": { "type": "string", "enum": ["missing-trace", "hash-mismatch", "malformed", "foreign-case", "missing-sequence", "swapped-order", "sequence-mismatch", "broken-link"] },
          "message": { "type": "string" }
        }
      }
    }
  }
}
""";
}
