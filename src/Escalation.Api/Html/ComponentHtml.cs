using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.HtmlRendering.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Escalation.Api.Html;

/// <summary>
/// Renders the Razor components of the pages and e-mails to strings. The renderer writes every text and attribute value
/// through the HTML encoder, so a component cannot forget to encode; only a <see cref="MarkupString"/> passes as it is,
/// and the one component that makes one is <see cref="PolicyText"/> (policy Markdown, rendered by Markdig).
/// </summary>
/// <remarks>
/// The service provider and the renderers are built once per process. A renderer serves one render at a time (its
/// dispatcher runs the render inline on the caller's thread), so concurrent requests each take an idle renderer from a
/// small pool instead of queueing on one dispatcher and blocking thread-pool threads while they wait; the pool grows to
/// the highest number of renders ever in flight at once. A root component is removed as soon as its HTML is written,
/// so a renderer holds nothing between renders.
/// </remarks>
public static class ComponentHtml
{
    /// <summary>
    /// The encoder: the platform's HTML encoder, told that every Unicode range is safe so that text in any language
    /// stays readable in the source; markup characters (<c>&lt; &gt; &amp; " ' +</c>), controls and unpaired
    /// surrogates are still encoded.
    /// </summary>
    public static HtmlEncoder Encoder { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddSingleton(Encoder)
        .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
        .BuildServiceProvider();

    private static readonly ConcurrentBag<StringRenderer> Idle = [];

    /// <summary>Renders <typeparamref name="TComponent"/> with one parameter set and returns its HTML.</summary>
    public static string Render<TComponent>(string parameterName, object? value)
        where TComponent : IComponent =>
        Render<TComponent>(new Dictionary<string, object?>(1) { [parameterName] = value });

    /// <summary>Renders <typeparamref name="TComponent"/> with <paramref name="parameters"/> and returns its HTML.</summary>
    public static string Render<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        var renderer = Idle.TryTake(out var idle) ? idle : new StringRenderer(Services);
        var html = renderer.Render(typeof(TComponent), ParameterView.FromDictionary(parameters));

        // Only a renderer whose render finished goes back: one that threw may hold a half-built tree.
        Idle.Add(renderer);
        return html;
    }

    // BL0006 flags the renderer's protected members (AssignRootComponentId, RenderRootComponentAsync,
    // RemoveRootComponent) as framework internals. They are used for one reason: the public HtmlRenderer keeps every root
    // component it rendered until the renderer is disposed, so a renderer that lives for the process would grow with every
    // page served; this one removes the root component once its HTML is written.
#pragma warning disable BL0006
    private sealed class StringRenderer(IServiceProvider services) : StaticHtmlRenderer(services, NullLoggerFactory.Instance)
    {
        private readonly StringBuilder buffer = new(16 * 1024);

        public string Render(Type componentType, ParameterView parameters)
        {
            // The pages are synchronous components, and this renderer is not shared while it renders, so the
            // dispatcher runs the work inline and the task is complete when it returns.
            var task = Dispatcher.InvokeAsync(() => RenderNow(componentType, parameters));
            if (!task.IsCompleted)
            {
                throw new InvalidOperationException($"{componentType.Name} did not render synchronously; page components must not await.");
            }

            return task.GetAwaiter().GetResult();
        }

        private string RenderNow(Type componentType, ParameterView parameters)
        {
            var id = AssignRootComponentId(InstantiateComponent(componentType));
            try
            {
                var rendered = RenderRootComponentAsync(id, parameters);
                if (!rendered.IsCompleted)
                {
                    throw new InvalidOperationException($"{componentType.Name} did not render synchronously; page components must not await.");
                }

                rendered.GetAwaiter().GetResult();
                buffer.Clear();
                using (var writer = new StringWriter(buffer, CultureInfoInvariant))
                {
                    WriteComponentHtml(id, writer);
                }

                return buffer.ToString();
            }
            finally
            {
                RemoveRootComponent(id);
                if (buffer.Capacity > 256 * 1024)
                {
                    buffer.Clear();
                    buffer.Capacity = 16 * 1024;
                }
            }
        }

        private static readonly IFormatProvider CultureInfoInvariant = System.Globalization.CultureInfo.InvariantCulture;
    }
#pragma warning restore BL0006
}
