using System.Buffers.Binary;
using System.Net;
using System.Text;
using System.Text.Json;
using Escalation.Infrastructure.Storage;

namespace Escalation.Bench;

/// <summary>
/// The client side of <c>bench/drills/store.sh</c>: <c>escalation-bench drill store-seed|store-flip|store-check</c>.
/// <c>store-seed</c> decides N sample tickets on a server; with the server stopped, <c>store-flip</c> changes one byte
/// in each of a few records of a copy of its data folder, at random offsets, and checks on the files that the log
/// reports exactly those records as damaged and keeps every other one; <c>store-check</c> asks the server started on
/// the copy: health 503 names the first segment and offset, and every other trace and case is served as before.
/// </summary>
public static class BenchStoreDrill
{
    private const int HeaderBytes = 20;

    public static Task<int> RunAsync(string verb, string[] args, TextWriter stdout, TextWriter stderr) => verb switch
    {
        "store-seed" => SeedAsync(args, stdout),
        "store-flip" => FlipAsync(args, stdout, stderr),
        _ => CheckAsync(args, stdout, stderr),
    };

    /// <summary>Submits <c>--count</c> tickets and waits until each case has its decision trace.</summary>
    private static async Task<int> SeedAsync(string[] args, TextWriter stdout)
    {
        var tickets = await BenchDrill.TicketsAsync(BenchDrill.Need(args, "--tag"), BenchDrill.Int(args, "--count", 30), null);
        using var http = BenchDrill.Client(BenchDrill.Need(args, "--server"));
        using var gate = new SemaphoreSlim(8);
        var traced = 0;
        await Task.WhenAll(tickets.Select(async t =>
        {
            await gate.WaitAsync();
            try
            {
                using var response = await http.PostAsync("/api/cases?wait=10", new StringContent(BenchSamples.ToJson(t), Encoding.UTF8, "application/json"));
                using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var caseId = doc.RootElement.GetProperty("caseId").GetString();
                for (var until = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < until; await Task.Delay(100))
                {
                    using var view = JsonDocument.Parse(await http.GetStringAsync($"/api/cases/{caseId}"));
                    if (view.RootElement.TryGetProperty("auditUrl", out _))
                    {
                        Interlocked.Increment(ref traced);
                        break;
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        await stdout.WriteLineAsync($"store-seed: {traced} of {tickets.Count} cases decided and traced");
        return traced == tickets.Count ? 0 : 1;
    }

    /// <summary>
    /// Flips one byte in each of <c>--flips</c> records of <c>--data</c> (a copy of <c>--reference</c>) at random offsets —
    /// records apart from each other (neighbours would read as one damaged range), and not the last record of the last
    /// segment, which is by definition a torn tail — and checks the log reads back as the reference but for those
    /// records, with exactly their ranges reported. Writes "segment offset key" per flipped record to <c>--out</c>.
    /// </summary>
    private static async Task<int> FlipAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var data = BenchDrill.Need(args, "--data");
        var random = BenchArgs.Option(args, "--seed") is { } seed ? new Random(int.Parse(seed)) : new Random();
        var frames = Frames(Path.Combine(data, RecordLog.FolderName));
        var flippable = frames[..^1]; // the last frame of the last segment is a torn tail, not damage
        var total = flippable.Sum(f => f.Size);
        var chosen = new SortedSet<int>();
        for (var attempt = 0; chosen.Count < BenchDrill.Int(args, "--flips", 1) && attempt < 1000; attempt++)
        {
            var pick = random.NextInt64(total);
            var index = flippable.FindIndex(f => (pick -= f.Size) < 0);
            if (!chosen.Contains(index - 1) && !chosen.Contains(index + 1) && chosen.Add(index))
            {
                var frame = flippable[index];
                var offset = frame.Offset + frame.Size + pick;
                var bytes = await File.ReadAllBytesAsync(frame.Path);
                bytes[offset] ^= (byte)random.Next(1, 256);
                await File.WriteAllBytesAsync(frame.Path, bytes);
                await stdout.WriteLineAsync($"store-flip: byte {offset} of {Path.GetFileName(frame.Path)}, in record '{frame.Key}' at offset {frame.Offset}");
            }
        }

        var flipped = chosen.Select(i => flippable[i]).ToList();
        await File.WriteAllLinesAsync(BenchDrill.Need(args, "--out"), flipped.Select(f => $"{Path.GetFileName(f.Path)} {f.Offset} {f.Key}"));
        var problems = new List<string>();
        await using (var reference = RecordLog.OpenReadOnly(BenchDrill.Need(args, "--reference")))
        await using (var copy = RecordLog.OpenReadOnly(data))
        {
            var reported = copy.Damage.Select(d => $"{d.Segment} {d.Offset}").ToList();
            var expected = flipped.Select(f => $"{Path.GetFileName(f.Path)} {f.Offset}").ToList();
            if (!reported.SequenceEqual(expected))
            {
                problems.Add($"damage reported at [{string.Join(", ", reported)}], flipped at [{string.Join(", ", expected)}]");
            }

            var keys = flipped.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
            var lost = reference.KeysStartingWith("").Where(k => !keys.Contains(k) && !(copy.Get(k) ?? []).AsSpan().SequenceEqual(reference.Get(k)!)).ToList();
            problems.AddRange(lost.Select(k => $"record '{k}' differs from the reference"));
            await stdout.WriteLineAsync($"  files: {copy.Damage.Count} damaged range(s) reported, {copy.Count} of {reference.Count} keys readable, {lost.Count} other record(s) lost");
        }

        return await Report(problems, stderr);
    }

    /// <summary>Against the server on the flipped copy: health names the damage, every other trace and case is served.</summary>
    private static async Task<int> CheckAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var flipped = (await File.ReadAllLinesAsync(BenchDrill.Need(args, "--flipped"))).Select(l => l.Split(' ')).ToList();
        var (segment, offset) = (flipped[0][0], flipped[0][1]);
        var keys = flipped.Select(f => f[2]).ToHashSet(StringComparer.Ordinal);
        var more = flipped.Count > 1 ? $"and {flipped.Count - 1} more range" : "";
        using var http = BenchDrill.Client(BenchDrill.Need(args, "--server"));
        var problems = new List<string>();
        using (var health = await http.GetAsync("/api/health"))
        {
            var body = await health.Content.ReadAsStringAsync();
            if (health.StatusCode != HttpStatusCode.ServiceUnavailable || !body.Contains($"{segment} at offset {offset}", StringComparison.Ordinal) || !body.Contains(more, StringComparison.Ordinal))
            {
                problems.Add($"health did not name the damage: HTTP {(int)health.StatusCode} {body}");
            }
        }

        await using var reference = RecordLog.OpenReadOnly(BenchDrill.Need(args, "--reference"));
        var traces = reference.KeysStartingWith("t/").Where(k => !keys.Contains(k)).ToList();
        foreach (var k in traces)
        {
            using var audit = await http.GetAsync($"/api/audit/{k[2..]}");
            if (audit.StatusCode != HttpStatusCode.OK || !(await audit.Content.ReadAsByteArrayAsync()).AsSpan().SequenceEqual(reference.Get(k)!))
            {
                problems.Add($"trace {k[2..]}: HTTP {(int)audit.StatusCode} or other bytes");
            }
        }

        var cases = reference.KeysIn("c/").Where(k => !keys.Contains(k)).ToList();
        foreach (var k in cases)
        {
            using var view = await http.GetAsync($"/api/cases/{k[2..]}");
            if (view.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"case {k[2..]}: HTTP {(int)view.StatusCode}");
            }
        }

        await stdout.WriteLineAsync($"  server: health names {segment} at offset {offset} (of {flipped.Count} damaged ranges); {traces.Count} other traces and {cases.Count} other cases checked");
        return await Report(problems, stderr);
    }

    private static async Task<int> Report(List<string> problems, TextWriter stderr)
    {
        foreach (var p in problems.Take(10))
        {
            await stderr.WriteLineAsync("  PROBLEM " + p);
        }

        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>Every frame of the log's segments, in order (the format RecordLog documents).</summary>
    private static List<(string Path, long Offset, long Size, string Key)> Frames(string folder)
    {
        var frames = new List<(string, long, long, string)>();
        foreach (var path in Directory.GetFiles(folder, "records-*.log").Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(path);
            for (var at = 0; at + HeaderBytes <= bytes.Length;)
            {
                var keyLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at + 4));
                var size = HeaderBytes + keyLength + BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at + 8));
                frames.Add((path, at, size, Encoding.UTF8.GetString(bytes, at + HeaderBytes, keyLength)));
                at += size;
            }
        }

        return frames;
    }
}
