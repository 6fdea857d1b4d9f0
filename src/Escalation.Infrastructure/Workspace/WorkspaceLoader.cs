using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Escalation.Core.Knowledge;
using YamlDotNet.RepresentationModel;

namespace Escalation.Infrastructure.Workspace;

/// <summary>
/// Loads and validates a knowledge workspace (docs/workspace.md). Everything is validated before the
/// workspace is returned; the first problem stops the load with a <see cref="WorkspaceValidationException"/>.
/// </summary>
public static class WorkspaceLoader
{
    public const string RoutingFile = "routing.yaml";

    // Who a policy is written for: "customer" (the default) may be named on the customer's view of a
    // decision, "internal" (thresholds, conduct rules) only on the team's.
    private static readonly IReadOnlySet<string> PolicyAudiences = new HashSet<string>(StringComparer.Ordinal) { "customer", "internal" };

    public const string ToneGuideFile = "tone-guide.yaml";
    public const string CustomersFile = "customers.yaml";
    public const string PrecedentsFile = "precedents.yaml";
    public const string PlaybooksFile = "playbooks.yaml";
    public const string PoliciesFolder = "policies/";

    /// <summary>Loads the workspace from a folder.</summary>
    public static Task<Core.Knowledge.Workspace> LoadFolderAsync(string root, CancellationToken cancellationToken = default) =>
        LoadAsync(new FolderWorkspaceSource(root), cancellationToken);

    public static async Task<Core.Knowledge.Workspace> LoadAsync(IWorkspaceSource source, CancellationToken cancellationToken = default) =>
        Load(await source.ReadAllAsync(cancellationToken));

    /// <summary>Validates and builds a workspace from its files.</summary>
    public static Core.Knowledge.Workspace Load(IReadOnlyList<WorkspaceFile> files)
    {
        var sorted = files.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToArray();
        var texts = sorted.ToDictionary(f => f.RelativePath, f => Normalise(Decode(f)), StringComparer.Ordinal);

        string Need(string name) => texts.TryGetValue(name, out var t)
            ? t
            : throw new WorkspaceValidationException(name, "file", "is missing from the workspace");

        var routing = ReadRouting(RoutingFile, Need(RoutingFile));
        var tone = ReadToneGuide(ToneGuideFile, Need(ToneGuideFile));
        var customers = ReadCustomers(CustomersFile, Need(CustomersFile));

        var policies = new List<Policy>();
        foreach (var file in sorted.Where(f => f.RelativePath.StartsWith(PoliciesFolder, StringComparison.Ordinal) && f.RelativePath.EndsWith(".md", StringComparison.Ordinal)))
        {
            policies.Add(ReadPolicy(file.RelativePath, texts[file.RelativePath]));
        }

        if (policies.Count == 0)
        {
            throw new WorkspaceValidationException(PoliciesFolder, "file", "no policies found (expected policies/*.md)");
        }

        RequireUnique(policies.Select(p => (p.Id, p.SourcePath)), "policy");

        var precedents = ReadPrecedents(PrecedentsFile, Need(PrecedentsFile), policies.Select(p => p.Id).ToHashSet(StringComparer.Ordinal));
        var playbooks = ReadPlaybooks(PlaybooksFile, Need(PlaybooksFile));

        var known = new HashSet<string>(StringComparer.Ordinal) { RoutingFile, ToneGuideFile, CustomersFile, PrecedentsFile, PlaybooksFile };
        var documents = texts
            .Where(kv => !known.Contains(kv.Key) && !kv.Key.StartsWith(PoliciesFolder, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

        return new Core.Knowledge.Workspace(ComputeVersion(texts), routing, tone, customers, policies, precedents, playbooks, documents);
    }

    /// <summary><c>ws-</c> + 16 hex digits of SHA-256 over every (path, normalised content), sorted by path.</summary>
    public static string ComputeVersion(IReadOnlyDictionary<string, string> normalisedTexts)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, text) in normalisedTexts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(path));
            sha.AppendData([0]);
            sha.AppendData(Encoding.UTF8.GetBytes(text));
            sha.AppendData([0]);
        }

        return "ws-" + Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    private static string Decode(WorkspaceFile file)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(file.Content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new WorkspaceValidationException(file.RelativePath, "file", "is not valid UTF-8 text");
        }
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    private static void RequireUnique(IEnumerable<(string Id, string Where)> items, string what)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, where) in items)
        {
            if (!seen.TryAdd(id, where))
            {
                throw new WorkspaceValidationException(where, "id", $"duplicate {what} id \"{id}\" (also in {seen[id]})");
            }
        }
    }

    private static RoutingSettings ReadRouting(string file, string text)
    {
        var y = new YamlFields(file, "", YamlFields.ParseDocument(file, text));
        y.AllowOnly("intensity", "vipTiers", "repeatComplainant", "renewalProximityDays", "churnArrThreshold",
            "autoApproveCap", "defaultCurrency", "policyMatch", "reviewSlaHours", "longTenureMonths",
            "publicExposureQueue", "retention");
        var intensity = y.RequiredMapping("intensity");
        var escalateAt = intensity.RequiredDouble("escalateAt", 0, 1);
        var reviewAt = intensity.RequiredDouble("reviewAt", 0, 1);
        if (reviewAt > escalateAt)
        {
            throw intensity.Error("reviewAt", $"must not be above escalateAt ({escalateAt.ToString(CultureInfo.InvariantCulture)})");
        }

        var repeat = y.RequiredMapping("repeatComplainant");
        var retention = y.OptionalMapping("retention");
        retention?.AllowOnly("tenureMonths", "arr");
        var sla = y.RequiredMapping("reviewSlaHours");
        var slaHours = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var p in new[] { "P0", "P1", "P2", "P3" })
        {
            slaHours[p] = sla.RequiredDouble(p, 0.01, 24 * 365);
        }

        return new RoutingSettings
        {
            IntensityEscalateAt = escalateAt,
            IntensityReviewAt = reviewAt,
            VipTiers = y.StringList("vipTiers", required: true),
            RepeatComplainantWindowDays = repeat.RequiredInt("windowDays", 1),
            RepeatComplainantCount = repeat.RequiredInt("count", 1),
            RepeatSameIssueCount = repeat.OptionalInt("sameIssueCount", 1) ?? 3,
            RenewalProximityDays = y.RequiredInt("renewalProximityDays", 0),
            ChurnArrThreshold = y.RequiredDecimal("churnArrThreshold"),
            AutoApproveCap = y.RequiredDecimal("autoApproveCap"),
            DefaultCurrency = y.RequiredString("defaultCurrency"),
            PolicyMatchMinStrength = y.RequiredMapping("policyMatch").RequiredDouble("minStrength", 0, 1),
            ReviewSlaHours = slaHours,
            LongTenureMonths = y.OptionalInt("longTenureMonths", 0) ?? 6,
            PublicExposureQueue = y.OptionalString("publicExposureQueue") ?? "social",
            RetentionTenureMonths = retention?.OptionalInt("tenureMonths", 0) ?? 24,
            RetentionArr = retention?.OptionalDecimal("arr") ?? 10000,
        };
    }

    private static ToneGuide ReadToneGuide(string file, string text)
    {
        var y = new YamlFields(file, "", YamlFields.ParseDocument(file, text));
        y.AllowOnly("brandVoice", "signOff", "maxReadingGrade", "calibration", "bannedPhrases", "aiDisclosure", "languages");
        var calibration = y.MappingList("calibration", required: true).Select(c =>
        {
            c.AllowOnly("customerTone", "matchWith", "opening");
            return new ToneCalibration(c.RequiredOneOf("customerTone", CustomerTones.All), c.RequiredString("matchWith"), c.RequiredString("opening"));
        }).ToArray();
        var banned = y.MappingList("bannedPhrases").Select(b =>
        {
            b.AllowOnly("phrase", "reason");
            return new BannedPhrase(b.RequiredString("phrase"), b.RequiredString("reason"));
        }).ToArray();
        return new ToneGuide
        {
            BrandVoice = y.RequiredString("brandVoice"),
            SignOff = y.RequiredString("signOff"),
            MaxReadingGrade = y.Has("maxReadingGrade") ? y.RequiredDouble("maxReadingGrade", 1, 20) : 8,
            Calibration = calibration,
            BannedPhrases = banned,
            AiDisclosure = y.OptionalString("aiDisclosure"),
            Languages = ReadReplyLanguages(y.OptionalMapping("languages")),
        };
    }

    /// <summary>The tone guide's <c>languages</c>: per-language reply templates, each complete (issue 25).</summary>
    private static Dictionary<string, ReplyLanguage> ReadReplyLanguages(YamlFields? languages)
    {
        var result = new Dictionary<string, ReplyLanguage>(StringComparer.Ordinal);
        if (languages is null)
        {
            return result;
        }

        foreach (var code in languages.Keys)
        {
            var l = languages.RequiredMapping(code);
            if (code.Length != 2 || !code.All(char.IsAsciiLetterLower))
            {
                throw l.Error("", $"'{code}' is not an ISO 639-1 language code (two lower-case letters)");
            }

            l.AllowOnly("signOff", "aiDisclosure", "openings", "months", "weekdays", "templates", "markers", "bannedPhrases");
            var openings = l.OptionalMapping("openings");
            openings?.AllowOnly([.. CustomerTones.All]);
            var templates = l.RequiredMapping("templates");
            templates.AllowOnly([.. ReplyKeys.Templates, .. ReplyKeys.OptionalTemplates]);
            var markers = l.RequiredMapping("markers");
            markers.AllowOnly([.. ReplyKeys.Markers, .. ReplyKeys.OptionalMarkers]);
            var months = l.StringList("months", required: true);
            var weekdays = l.StringList("weekdays", required: true);
            if (months.Count != 12)
            {
                throw l.Error("months", $"lists {months.Count} months; twelve are needed, January first");
            }

            if (weekdays.Count != 7)
            {
                throw l.Error("weekdays", $"lists {weekdays.Count} weekdays; seven are needed, Monday first");
            }

            result[code] = new ReplyLanguage
            {
                Code = code,
                SignOff = l.OptionalString("signOff"),
                AiDisclosure = l.OptionalString("aiDisclosure"),
                Openings = CustomerTones.All.Where(t => openings?.Has(t) == true).ToDictionary(t => t, t => openings!.RequiredString(t), StringComparer.Ordinal),
                Templates = ReplyKeys.Templates.ToDictionary(k => k, k => templates.Has(k) ? Scalar(templates, k) : throw templates.Error(k, "is required: every sentence the composer writes needs a template"), StringComparer.Ordinal)
                    .Concat(ReplyKeys.OptionalTemplates.Where(templates.Has).Select(k => KeyValuePair.Create(k, Scalar(templates, k))))
                    .ToDictionary(StringComparer.Ordinal),
                Months = months,
                Weekdays = weekdays,
                Markers = ReplyKeys.Markers.Concat(ReplyKeys.OptionalMarkers).Where(markers.Has).ToDictionary(k => k, k => markers.StringList(k, required: true), StringComparer.Ordinal),
                BannedPhrases = l.MappingList("bannedPhrases").Select(b =>
                {
                    b.AllowOnly("phrase", "reason");
                    return new BannedPhrase(b.RequiredString("phrase"), b.RequiredString("reason"));
                }).ToArray(),
            };
            foreach (var k in ReplyKeys.Markers.Where(k => !markers.Has(k)))
            {
                throw markers.Error(k, "is required: the tone check needs the words that show it in a draft");
            }
        }

        return result;
    }

    /// <summary>A template's text as written: leading spaces kept (" of {amount}" joins a sentence), empty allowed.</summary>
    private static string Scalar(YamlFields y, string key) => y.OptionalRawString(key) ?? "";

    private static IReadOnlyList<CustomerEntity> ReadCustomers(string file, string text)
    {
        var y = new YamlFields(file, "", YamlFields.ParseDocument(file, text));
        y.AllowOnly("customers");
        var list = y.MappingList("customers", required: true).Select(c =>
        {
            c.AllowOnly("id", "name", "email", "company", "tier", "mrr", "arr", "currency", "customerSince", "renewalDate", "vip", "openIssues", "history");
            var id = c.RequiredString("id");
            return new CustomerEntity
            {
                Id = id,
                Name = c.RequiredString("name"),
                Email = c.OptionalString("email"),
                Company = c.OptionalString("company"),
                Tier = c.RequiredString("tier"),
                Mrr = c.OptionalDecimal("mrr") ?? 0,
                Arr = c.OptionalDecimal("arr") ?? 0,
                Currency = c.OptionalString("currency") ?? "EUR",
                CustomerSince = c.OptionalDate("customerSince"),
                RenewalDate = c.OptionalDate("renewalDate"),
                Vip = c.OptionalBool("vip", false),
                OpenIssues = c.StringList("openIssues"),
                History = c.MappingList("history").Select(h =>
                {
                    h.AllowOnly("date", "kind", "topic", "summary");
                    return new CustomerHistoryEntry
                    {
                        Date = h.RequiredDate("date"),
                        Kind = h.RequiredOneOf("kind", HistoryKinds),
                        Topic = h.RequiredString("topic").ToLowerInvariant(),
                        Summary = h.OptionalString("summary"),
                    };
                }).OrderBy(h => h.Date).ToArray(),
            };
        }).ToArray();
        RequireUnique(list.Select((c, i) => (c.Id, $"{file}: customers[{i}]")), "customer");
        return list;
    }

    private static readonly IReadOnlySet<string> HistoryKinds = new HashSet<string>(StringComparer.Ordinal) { "complaint", "escalation" };

    private static Policy ReadPolicy(string file, string text)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new WorkspaceValidationException(file, "line 1", "a policy starts with YAML front matter between two '---' lines");
        }

        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new WorkspaceValidationException(file, "front matter", "has no closing '---' line");
        }

        var front = text[4..(end + 1)];
        var bodyStart = text.IndexOf('\n', end + 1);
        var body = bodyStart < 0 ? "" : text[(bodyStart + 1)..].Trim();
        var y = new YamlFields(file, "", YamlFields.ParseDocument(file, front));
        y.AllowOnly("id", "title", "version", "effective", "category", "audience", "summary", "tags", "currency", "numbers", "guardrails", "rules", "incidents");
        var incidents = y.MappingList("incidents").Select(i =>
        {
            i.AllowOnly("from", "to", "hours", "summary");
            var from = i.RequiredDate("from");
            var to = i.OptionalDate("to") ?? from;
            if (to < from)
            {
                throw i.Error("to", $"is before from ({from:yyyy-MM-dd})");
            }

            return new PolicyIncident(from, to, i.RequiredDouble("hours", 0.01, 24 * 31), i.OptionalString("summary") ?? "");
        }).ToArray();
        var rules = y.MappingList("rules").Select(r =>
        {
            r.AllowOnly("id", "text");
            return new PolicyRule(r.RequiredId("id"), r.RequiredString("text"));
        }).ToArray();
        var policy = new Policy
        {
            Id = y.RequiredId("id"),
            Title = y.RequiredString("title"),
            Version = y.RequiredString("version"),
            Effective = y.RequiredDate("effective"),
            Category = y.RequiredOneOf("category", PolicyCategories.All),
            Tags = y.StringList("tags").Select(t => t.ToLowerInvariant()).ToArray(),
            Currency = y.OptionalString("currency"),
            Numbers = y.OptionalMapping("numbers")?.NumberMap() ?? new Dictionary<string, decimal>(),
            Guardrails = y.StringList("guardrails"),
            Rules = rules,
            Incidents = incidents,
            ShownToCustomer = (y.Has("audience") ? y.RequiredOneOf("audience", PolicyAudiences) : "customer") == "customer",
            PublicSummary = y.OptionalString("summary") is { Length: > 0 } summary ? summary : null,
            Body = body,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
            SourcePath = file,
        };
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new WorkspaceValidationException(file, "body", "the policy text after the front matter is empty");
        }

        RequireUnique(rules.Select((r, i) => (r.Id, $"{file}: rules[{i}]")), "rule");
        return policy;
    }

    private static IReadOnlyList<Precedent> ReadPrecedents(string file, string text, IReadOnlySet<string> policyIds)
    {
        var y = new YamlFields(file, "", YamlFields.ParseDocument(file, text));
        y.AllowOnly("precedents");
        var list = y.MappingList("precedents", required: true).Select(p =>
        {
            p.AllowOnly("id", "date", "title", "category", "policy", "facts", "decision", "outcome", "rationale");
            var f = p.RequiredMapping("facts");
            f.AllowOnly("tier", "tenureMonths", "amount", "currency", "daysSincePurchase", "daysPastWindow", "cause", "tags");
            var policy = p.RequiredString("policy");
            if (!policyIds.Contains(policy))
            {
                throw p.Error("policy", $"names a policy the workspace does not have (\"{policy}\")");
            }

            var cause = f.OptionalString("cause");
            if (cause is not null && !PrecedentVocabulary.Causes.Contains(cause))
            {
                throw f.Error("cause", $"must be one of {string.Join(", ", PrecedentVocabulary.Causes.Order())} (got \"{cause}\")");
            }

            return new Precedent
            {
                Id = p.RequiredId("id"),
                Date = p.RequiredDate("date"),
                Title = p.RequiredString("title"),
                Category = p.RequiredOneOf("category", PolicyCategories.All),
                Policy = policy,
                Facts = new PrecedentFacts
                {
                    Tier = f.OptionalString("tier"),
                    TenureMonths = f.OptionalInt("tenureMonths"),
                    Amount = f.OptionalDecimal("amount"),
                    Currency = f.OptionalString("currency"),
                    DaysSincePurchase = f.OptionalInt("daysSincePurchase"),
                    DaysPastWindow = f.OptionalInt("daysPastWindow"),
                    Cause = cause,
                    Tags = f.StringList("tags"),
                },
                Decision = p.RequiredOneOf("decision", PrecedentVocabulary.Decisions),
                Outcome = p.OptionalString("outcome") ?? "",
                Rationale = p.RequiredString("rationale"),
            };
        }).ToArray();
        RequireUnique(list.Select((p, i) => (p.Id, $"{file}: precedents[{i}]")), "precedent");
        return list;
    }

    private static IReadOnlyList<Playbook> ReadPlaybooks(string file, string text)
    {
        var y = new YamlFields(file, "", YamlFields.ParseDocument(file, text));
        y.AllowOnly("playbooks");
        var list = y.MappingList("playbooks", required: true).Select(p =>
        {
            p.AllowOnly("id", "title", "type", "triggers", "steps");
            var t = p.RequiredMapping("triggers");
            t.AllowOnly("words", "signals");
            var signals = t.StringList("signals");
            foreach (var (s, i) in signals.Select((s, i) => (s, i)))
            {
                if (!PlaybookSignals.All.Contains(s))
                {
                    throw t.Error($"signals[{i}]", $"must be one of {string.Join(", ", PlaybookSignals.All.Order())} (got \"{s}\")");
                }
            }

            var words = t.StringList("words").Select(w => w.ToLowerInvariant()).ToArray();
            if (words.Length == 0 && signals.Count == 0)
            {
                throw p.Error("triggers", "needs at least one trigger word or signal");
            }

            return new Playbook
            {
                Id = p.RequiredId("id"),
                Title = p.RequiredString("title"),
                Type = p.RequiredString("type"),
                TriggerWords = words,
                TriggerSignals = signals,
                Steps = p.StringList("steps", required: true),
            };
        }).ToArray();
        RequireUnique(list.Select((p, i) => (p.Id, $"{file}: playbooks[{i}]")), "playbook");
        return list;
    }
}
