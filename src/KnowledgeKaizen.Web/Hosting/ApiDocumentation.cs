using KnowledgeKaizen.Web.Identity;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace KnowledgeKaizen.Web.Hosting;

/// <summary>
/// The OpenAPI description of every <c>/api/v1</c> endpoint (<see cref="DocumentPath"/>) and its interactive reference
/// (<see cref="ReferencePath"/>), both for Admins. The version is in the path: a change that breaks a published contract
/// goes to <c>/api/v2</c>, and a test compares the document with the published one (docs/api/openapi-v1.json).
/// </summary>
public static class ApiDocumentation
{
    public const string DocumentName = "v1";

    public const string DocumentPath = "/openapi/v1.json";

    public const string ReferencePath = "/api-reference/v1";

    private const string BearerScheme = "apiToken";
    private const string CookieScheme = "signInCookie";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddCookieOrTokenPolicy(ApiDocumentationPolicies.ApiDocumentation, Policies.Admin);
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "KnowledgeKaizen API",
                    Version = "v1",
                    Description = "Getting CRM and service data in (imports, mappings, single feedback and cases), search, knowledge and "
                        + "performer findings. Errors are ProblemDetails (RFC 9457). The version is in the path: /api/v1 keeps its "
                        + "contracts; a breaking change is published as /api/v2.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An API token issued by an Admin (Admin → Imports → API tokens): Authorization: Bearer <token>.",
                };
                document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Cookie,
                    Name = "kk.auth",
                    Description = "The portal's sign-in cookie (pages and scripts of the portal itself).",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(DescribeErrorsAndSecurityAsync);
        });
        return services;
    }

    /// <summary>The description (JSON) and the interactive reference page, for Admins only.</summary>
    public static IEndpointRouteBuilder MapApiDocumentation(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(ApiDocumentationPolicies.ApiDocumentation);
        app.MapScalarApiReference("/api-reference", options => options
                .WithTitle("KnowledgeKaizen API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .WithNonce())
            .RequireAuthorization(Policies.Admin);
        return app;
    }

    /// <summary>Every operation answers errors with ProblemDetails; a protected one says how to authenticate and may answer 401/403.</summary>
    private static async Task DescribeErrorsAndSecurityAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        operation.Responses ??= [];
        var problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, ct);
        OpenApiResponse Error(string description) => new()
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
        };

        operation.Responses.TryAdd("default", Error("An error, as ProblemDetails: title says what is wrong, detail how to fix it."));
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<ITagsMetadata>().Any() && context.Description.RelativePath?.Split('/') is [_, _, var area, ..])
        {
            // Endpoints without tags are grouped by their first path segment ("knowledge", "search").
            operation.Tags = new HashSet<OpenApiTagReference> { new(char.ToUpperInvariant(area[0]) + area[1..], context.Document) };
        }

        if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        operation.Responses.TryAdd("401", Error("Not signed in and no valid API token."));
        operation.Responses.TryAdd("403", Error("Signed in, but the role does not allow this."));
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] });
    }
}
