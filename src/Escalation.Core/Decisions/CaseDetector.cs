using Escalation.Core.Knowledge;
using Escalation.Core.Signals;
using Escalation.Core.Tickets;

namespace Escalation.Core.Decisions;

/// <summary>The <c>detect</c> stage as the pipelines call it: a ticket and its resolved customer to <see cref="CaseSignals"/>.</summary>
public delegate CaseSignals CaseDetector(CaseSubmission ticket, CustomerEntity customer, Workspace workspace, DateTimeOffset now);
