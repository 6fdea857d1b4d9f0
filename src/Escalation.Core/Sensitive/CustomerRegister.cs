using Escalation.Core.Knowledge;

namespace Escalation.Core.Sensitive;

/// <summary>How a reply must sound for this customer; the composer writes to it and the quality score checks it.</summary>
public static class CustomerRegister
{
    /// <summary>
    /// An angry customer, or a negative one at or above the routing's review intensity: the reply must apologise
    /// specifically (seed 003: acknowledge the frustration, validate the experience).
    /// </summary>
    public static bool NeedsApology(DraftRequest request, Workspace workspace)
    {
        var t = request.Signals.Text;
        return t.CustomerTone == CustomerTones.Angry || (t.Negative && t.Intensity >= workspace.Routing.IntensityReviewAt);
    }

    /// <summary>A VIP, or a customer who writes formally: warm but formal, no "Hey", no exclamation marks.</summary>
    public static bool Formal(DraftRequest request) =>
        request.Signals.Vip || request.Signals.Text.CustomerTone == CustomerTones.Formal;
}
