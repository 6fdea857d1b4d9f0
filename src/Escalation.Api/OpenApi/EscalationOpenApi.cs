using Escalation.Api.Endpoints;
using Escalation.Api.Submissions;
using Escalation.Core.Tickets;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Escalation.Api.OpenApi;

/// <summary>
/// The OpenAPI document, generated from the endpoints' metadata (<see cref="EscalationApi"/>). The local server serves
/// it live at <see cref="Path"/>; the Functions app serves <c>OpenApi/openapi.json</c>, the generated document as
/// checked in (a snapshot test keeps the two the same, so a change to the contract is a reviewed diff).
/// </summary>
public static class EscalationOpenApi
{
    /// <summary>Where both hosts serve the document.</summary>
    public const string Path = "/api/openapi.json";

    /// <summary>The name of the API-key security scheme (the <c>x-functions-key</c> header).</summary>
    public const string KeyScheme = "functionKey";

    /// <summary>The generator with this service's title, key scheme, query parameters and submission limits.</summary>
    public static IServiceCollection AddEscalationOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Escalation",
                    Version = "1.0.0",
                    Description = "Decides support cases (auto-send, draft for review, escalate, return to tier 1) and writes an immutable trace of each decision. Help-desk routes need the API key in the x-functions-key header; review pages and public audit links carry their own signed tokens.",
                };
                document.Servers = [];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[KeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = HttpPipeline.KeyHeader,
                    Description = "The help desk's API key (Escalation:ApiKey on the local server; a function key on Azure Functions).",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                operation.Security = metadata.OfType<OpenRoute>().Any()
                    ? []
                    : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KeyScheme, context.Document)] = [] }];
                foreach (var query in metadata.OfType<QueryParameter>())
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = query.Name,
                        In = ParameterLocation.Query,
                        Required = query.Required,
                        Description = query.Description,
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    });
                }

                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonTypeInfo.Type == typeof(CaseSubmission))
                {
                    DescribeSubmission(schema, SubmissionLimits.Default);
                }

                return Task.CompletedTask;
            });
        });

    /// <summary>What the parser requires of a submission, from the same limits it enforces.</summary>
    private static void DescribeSubmission(OpenApiSchema schema, SubmissionLimits limits)
    {
        schema.Required = new HashSet<string> { "ticketId", "customer", "messages" };
        if (schema.Properties is not { } properties)
        {
            return;
        }

        void Limit(string name, int? maxLength = null, int? maxItems = null, int? minItems = null)
        {
            if (properties.TryGetValue(name, out var property) && property is OpenApiSchema p)
            {
                p.MaxLength = maxLength ?? p.MaxLength;
                p.MaxItems = maxItems ?? p.MaxItems;
                p.MinItems = minItems ?? p.MinItems;
            }
        }

        Limit("ticketId", maxLength: limits.MaxTicketIdLength);
        Limit("source", maxLength: limits.MaxIdLength);
        Limit("subject", maxLength: limits.MaxLineLength);
        Limit("messages", maxItems: limits.MaxMessages, minItems: 1);
        Limit("callbackUrl", maxLength: limits.MaxUrlLength);
    }

    /// <summary>The checked-in generated document (what the Functions app serves).</summary>
    public static byte[] Snapshot { get; } = ReadSnapshot();

    private static byte[] ReadSnapshot()
    {
        using var stream = typeof(EscalationOpenApi).Assembly.GetManifestResourceStream("Escalation.Api.OpenApi.openapi.json")
            ?? throw new InvalidOperationException("the OpenAPI snapshot is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
