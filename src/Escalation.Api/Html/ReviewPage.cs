using System.Globalization;
using System.Text;
using Escalation.Api.Views;

namespace Escalation.Api.Html;

/// <summary>
/// The review page: the case, the reasoning behind the draft, and one form to approve, send an edited
/// reply, reject with a note, or escalate. Showing it changes nothing; only the form's POST acts.
/// </summary>
public static class ReviewPage
{
    /// <summary>The form's action for a case: <c>/api/review/{caseId}</c>.</summary>
    public static string FormAction(string caseId) => "/api/review/" + Uri.EscapeDataString(caseId);

    /// <summary>Renders the page.</summary>
    public static string Render(ReviewPageModel model)
    {
        var h = new StringBuilder(16 * 1024);
        var e = (Func<string?, string>)HtmlPage.Encode;

        h.Append("<h1>Review: ").Append(e(model.Subject ?? model.TicketId)).Append("</h1>\n");
        h.Append("<p class=\"meta\">Ticket ").Append(e(model.TicketId)).Append(" · case ").Append(e(model.CaseId));
        if (model.Priority is not null)
        {
            h.Append(" · priority ").Append(e(model.Priority));
        }

        if (model.Language is not null)
        {
            h.Append(" · language ").Append(e(model.Language));
        }

        if (model.Route is not null)
        {
            h.Append(" · routed to ").Append(e(model.Route));
        }

        h.Append("</p>\n");
        if (model.SlaDeadline is { } deadline)
        {
            h.Append("<p class=\"deadline\">Decide by ").Append(e(HtmlPage.Time(deadline)))
             .Append(". If nobody decides by then, the case is escalated to a senior human.</p>\n");
        }

        AppendReasons(h, model);
        AppendCustomer(h, model.Customer);
        AppendThread(h, model.Messages);
        AppendForm(h, model);
        AppendSignals(h, model.Signals);
        AppendPolicies(h, model.Policies);
        AppendPrecedents(h, model.Precedents);
        AppendPlaybook(h, model.Playbook);
        if (model.AuditUrl is not null)
        {
            h.Append("<p>").Append(HtmlPage.Link(model.AuditUrl, "Decision trace so far")).Append("</p>\n");
        }

        return HtmlPage.Document("Review " + model.TicketId, h.ToString());
    }

    private static void AppendReasons(StringBuilder h, ReviewPageModel model)
    {
        h.Append("<section aria-labelledby=\"why\"><h2 id=\"why\">Why this needs you</h2>\n");
        h.Append(model.Reasons.Count == 0 ? "<p>No reasons were recorded.</p>\n" : HtmlPage.List(model.Reasons));
        h.Append("</section>\n");
    }

    private static void AppendCustomer(StringBuilder h, CustomerContextView c)
    {
        h.Append("<section aria-labelledby=\"customer\"><h2 id=\"customer\">Customer</h2>\n");
        h.Append(HtmlPage.Facts(
        [
            ("Name", c.Name),
            ("Customer id", c.Id),
            ("Company", c.Company),
            ("Plan tier", c.Tier),
            ("ARR", c.Arr is { } arr ? arr.ToString("N0", CultureInfo.InvariantCulture) + (c.Currency is null ? "" : " " + c.Currency) : null),
            ("Customer since", c.CustomerSince?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Renewal", c.RenewalDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("VIP", c.Vip ? "yes" : null),
        ]));
        h.Append(HtmlPage.List(c.Notes)).Append("</section>\n");
    }

    private static void AppendThread(StringBuilder h, IReadOnlyList<ThreadMessageView> messages)
    {
        if (messages.Count == 0)
        {
            return;
        }

        h.Append("<section aria-labelledby=\"thread\"><h2 id=\"thread\">Ticket thread</h2>\n");
        foreach (var m in messages)
        {
            h.Append("<article class=\"box\"><h3>").Append(HtmlPage.Encode(m.From));
            if (m.At is { } at)
            {
                h.Append(" <span class=\"meta\">").Append(HtmlPage.Encode(HtmlPage.Time(at))).Append("</span>");
            }

            h.Append("</h3>\n").Append(HtmlPage.Paragraphs(m.Text)).Append("</article>\n");
        }

        h.Append("</section>\n");
    }

    private static void AppendForm(StringBuilder h, ReviewPageModel model)
    {
        h.Append("<section aria-labelledby=\"decide\"><h2 id=\"decide\">Your decision</h2>\n");
        h.Append("<form method=\"post\" action=\"").Append(HtmlPage.Encode(FormAction(model.CaseId))).Append("\">\n");
        h.Append("<input type=\"hidden\" name=\"token\" value=\"").Append(HtmlPage.Encode(model.Token)).Append("\">\n");
        h.Append("<label for=\"reply\">Reply to the customer</label>\n");
        h.Append("<p class=\"hint\" id=\"reply-hint\">The drafted reply. Approve sends it as drafted; edit it here and choose “Send my edited reply” to send your version.</p>\n");
        // A newline right after <textarea> is dropped by the HTML parser, so one is always written to keep the draft's first line intact.
        h.Append("<textarea id=\"reply\" name=\"reply\" rows=\"16\" aria-describedby=\"reply-hint\">\n")
         .Append(HtmlPage.Encode(model.DraftText)).Append("</textarea>\n");
        AppendActions(h, model);
        h.Append("<label for=\"note\">Note for the help desk</label>\n");
        h.Append("<p class=\"hint\" id=\"note-hint\">Why you rejected or escalated, or anything the next person should know. Added to the ticket as an internal note.</p>\n");
        h.Append("<textarea id=\"note\" name=\"note\" rows=\"4\" aria-describedby=\"note-hint\"></textarea>\n");
        h.Append("<div class=\"actions\">\n")
         .Append("<button type=\"submit\" name=\"action\" value=\"approve\" class=\"primary\">Approve and send the draft</button>\n")
         .Append("<button type=\"submit\" name=\"action\" value=\"edit\">Send my edited reply</button>\n")
         .Append("<button type=\"submit\" name=\"action\" value=\"reject\">Reject the draft</button>\n")
         .Append("<button type=\"submit\" name=\"action\" value=\"escalate\">Escalate to a senior human</button>\n")
         .Append("</div>\n</form>\n");
        h.Append("<p class=\"hint\">This link works once. Opening the page does not decide anything.</p>\n</section>\n");
    }

    /// <summary>
    /// The actions approving executes: each one kept unless unticked, and a money amount the reviewer may lower (never
    /// above the proposal or the policy's limit; the server checks again).
    /// </summary>
    private static void AppendActions(StringBuilder h, ReviewPageModel model)
    {
        if (model.Actions.Count == 0)
        {
            return;
        }

        h.Append("<fieldset id=\"actions\"><legend>Actions executed on approval, before the reply is sent</legend>\n");
        if (model.ActionFailure is not null)
        {
            h.Append("<p class=\"deadline\">").Append(HtmlPage.Encode(model.ActionFailure)).Append(" Nothing was sent to the customer.</p>\n");
        }

        h.Append("<input type=\"hidden\" name=\"actions\" value=\"").Append(model.Actions.Count.ToString(CultureInfo.InvariantCulture)).Append("\">\n");
        foreach (var a in model.Actions)
        {
            var i = a.Index.ToString(CultureInfo.InvariantCulture);
            h.Append("<div class=\"action\"><input type=\"checkbox\" id=\"keep-").Append(i).Append("\" name=\"keep-").Append(i).Append("\" value=\"1\" checked> ")
             .Append("<label for=\"keep-").Append(i).Append("\">").Append(HtmlPage.Encode(a.Description)).Append("</label>");
            if (a.Amount is { } amount && a.Max is { } max)
            {
                h.Append(" <label for=\"amount-").Append(i).Append("\">Amount (").Append(HtmlPage.Encode(a.Currency)).Append(", at most ")
                 .Append(max.ToString("0.00", CultureInfo.InvariantCulture)).Append(")</label> <input type=\"number\" id=\"amount-").Append(i)
                 .Append("\" name=\"amount-").Append(i).Append("\" step=\"0.01\" min=\"0.01\" max=\"").Append(max.ToString("0.00", CultureInfo.InvariantCulture))
                 .Append("\" value=\"").Append(amount.ToString("0.00", CultureInfo.InvariantCulture)).Append("\">");
            }

            h.Append(" <span class=\"meta\">").Append(HtmlPage.Encode(a.Policy)).Append("</span></div>\n");
        }

        h.Append("<p class=\"hint\">Untick an action to leave it out. Amounts may only be lowered. Reject or escalate executes nothing.</p>\n</fieldset>\n");
    }

    private static void AppendSignals(StringBuilder h, IReadOnlyList<SignalView> signals)
    {
        if (signals.Count == 0)
        {
            return;
        }

        h.Append("<section aria-labelledby=\"signals\"><h2 id=\"signals\">Signals</h2>\n");
        foreach (var s in signals)
        {
            h.Append("<h3>").Append(HtmlPage.Encode(s.Name)).Append("</h3>\n");
            if (s.Detail is not null)
            {
                h.Append("<p>").Append(HtmlPage.Encode(s.Detail)).Append("</p>\n");
            }

            foreach (var quote in s.Evidence)
            {
                h.Append("<blockquote class=\"text\">").Append(HtmlPage.Encode(quote)).Append("</blockquote>\n");
            }
        }

        h.Append("</section>\n");
    }

    private static void AppendPolicies(StringBuilder h, IReadOnlyList<PolicyCitationView> policies)
    {
        if (policies.Count == 0)
        {
            return;
        }

        h.Append("<section aria-labelledby=\"policies\"><h2 id=\"policies\">Policies cited</h2>\n");
        foreach (var p in policies)
        {
            h.Append("<article class=\"box\"><h3>").Append(HtmlPage.Encode(p.Title)).Append("</h3>\n<p class=\"meta\">")
             .Append(HtmlPage.Encode(p.Id)).Append('@').Append(HtmlPage.Encode(p.Version));
            if (p.ContentHash is not null)
            {
                h.Append(" · ").Append(HtmlPage.Encode(p.ContentHash));
            }

            h.Append("</p>\n<div class=\"policy\">").Append(PolicyMarkdown.ToHtml(p.Text)).Append("</div></article>\n");
        }

        h.Append("</section>\n");
    }

    private static void AppendPrecedents(StringBuilder h, IReadOnlyList<PrecedentView> precedents)
    {
        if (precedents.Count == 0)
        {
            return;
        }

        h.Append("<section aria-labelledby=\"precedents\"><h2 id=\"precedents\">Precedents</h2>\n");
        foreach (var p in precedents)
        {
            h.Append("<article class=\"box\"><h3>").Append(HtmlPage.Encode(p.Id));
            if (p.Similarity is { } similarity)
            {
                h.Append(" <span class=\"meta\">similarity ").Append(similarity.ToString("0.00", CultureInfo.InvariantCulture)).Append("</span>");
            }

            h.Append("</h3>\n").Append(HtmlPage.Paragraphs(p.Summary))
             .Append("<p><strong>Outcome:</strong> ").Append(HtmlPage.Encode(p.Outcome)).Append("</p></article>\n");
        }

        h.Append("</section>\n");
    }

    private static void AppendPlaybook(StringBuilder h, PlaybookView? playbook)
    {
        if (playbook is null)
        {
            return;
        }

        h.Append("<section aria-labelledby=\"playbook\"><h2 id=\"playbook\">Playbook: ").Append(HtmlPage.Encode(playbook.Name)).Append("</h2>\n<ol>");
        foreach (var step in playbook.Steps)
        {
            h.Append("<li>").Append(HtmlPage.Encode(step)).Append("</li>");
        }

        h.Append("</ol>\n</section>\n");
    }
}
