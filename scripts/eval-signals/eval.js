// Evaluation of the embedded signal analyser against the npm lexicon analysers on the same rows.
// Usage: node eval.js DATA_DIR OURS_JSONL LABELS_FILE [MULTILINGUAL_JSONL]   (run through ../eval-signals.sh)
'use strict';
const fs = require('fs');
const path = require('path');
const Sentiment = require('sentiment');
const vader = require('vader-sentiment');
const wink = require('wink-sentiment');

const [dataDir, oursFile, labelsFile, multilingualFile] = process.argv.slice(2);
const read = (f) => fs.readFileSync(path.join(dataDir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const ours = new Map();
for (const line of fs.readFileSync(oursFile, 'utf8').split('\n').filter(Boolean)) {
  const r = JSON.parse(line);
  ours.set(r.id, r);
}

const sentiment = new Sentiment();
const peers = {
  'sentiment 5.0.2': (t) => sentiment.analyze(t).comparative,
  'vader-sentiment 1.1.3': (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound,
  'wink-sentiment 5.0.2': (t) => wink(t).normalizedScore,
};
const names = ['ours (embedded)', ...Object.keys(peers)];

function prf(pred, gold) {
  let tp = 0, fp = 0, fn = 0;
  pred.forEach((p, i) => { if (p && gold[i]) tp++; else if (p) fp++; else if (gold[i]) fn++; });
  const p = tp / Math.max(1, tp + fp), r = tp / Math.max(1, tp + fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}
function pearson(x, y) {
  const n = x.length, mx = x.reduce((a, b) => a + b, 0) / n, my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) ** 2; syy += (y[i] - my) ** 2; }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}
function ranks(v) {
  const idx = v.map((x, i) => [x, i]).sort((a, b) => a[0] - b[0]);
  const r = new Array(v.length);
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1][0] === idx[i][0]) j++;
    for (let k = i; k <= j; k++) r[idx[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}
const spearman = (x, y) => pearson(ranks(x), ranks(y));
const f3 = (x) => x.toFixed(3);
const key = (set, id) => `${set}:${id}`;
const o = (set, id) => {
  const r = ours.get(key(set, id));
  if (!r) throw new Error(`no output for ${key(set, id)}`);
  return r;
};

const rows = [];
// Airline: negative vs rest.
{
  const data = read('airline-dev.jsonl');
  const gold = data.map((r) => r.label === 'negative');
  const cells = names.map((n) => {
    const pred = data.map((r) => (n.startsWith('ours') ? o('airline', r.id).negative : peers[n](r.text) < 0));
    const m = prf(pred, gold);
    return `P ${f3(m.p)} R ${f3(m.r)} **F1 ${f3(m.f)}**`;
  });
  rows.push([`airline-dev (n=${data.length}): negative vs rest`, ...cells]);
}
// VADER sets: Pearson r with the human mean.
for (const f of ['vader-tweets', 'vader-amazonreviewsnippets', 'vader-moviereviewsnippets', 'vader-nyteditorialsnippets']) {
  const data = read(`${f}.jsonl`);
  const gold = data.map((r) => r.score);
  const cells = names.map((n) => f3(pearson(data.map((r) => (n.startsWith('ours') ? o(f, r.id).sentiment : peers[n](r.text))), gold)));
  rows.push([`${f} (n=${data.length}): Pearson r`, ...cells]);
}
// Offensive: offensive+hate vs neither.
{
  const data = read('offensive-davidson.jsonl');
  const gold = data.map((r) => r.label !== 'neither');
  const cells = names.map((n) => {
    const pred = data.map((r) => (n.startsWith('ours') ? o('davidson', r.id).abusive : peers[n](r.text) < 0));
    const m = prf(pred, gold);
    return `P ${f3(m.p)} R ${f3(m.r)} **F1 ${f3(m.f)}**`;
  });
  rows.push([`offensive-davidson (n=${data.length}): offensive+hate F1 (peers: score < 0)`, ...cells]);
}
// Urgency: Spearman of priority (ours) / -score (peers) with human urgency.
{
  const data = read('urgency-forum.jsonl');
  const gold = data.map((r) => r.urgency);
  const prio = { P0: 3, P1: 2, P2: 1, P3: 0 };
  const cells = names.map((n) => f3(spearman(data.map((r) => (n.startsWith('ours') ? prio[o('urgency', r.id).priority] : -peers[n](r.text))), gold)));
  rows.push([`urgency-forum (n=${data.length}): Spearman (ours: priority; peers: −score)`, ...cells]);
  const cellsInt = names.map((n) => (n.startsWith('ours') ? f3(spearman(data.map((r) => { const s = o('urgency', r.id); return prio[s.priority] + s.intensity + s.complaintScore; }), gold)) : '—'));
  rows.push(['urgency-forum: Spearman (ours: priority + intensity + complaint score)', ...cellsInt]);
}
// Legal: CFPB legal threats (lawyer/lawsuit kinds) against the labels kept in the tests.
{
  const data = read('cfpb-complaints.jsonl');
  const labels = new Set(fs.readFileSync(labelsFile, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
  const gold = data.map((r) => labels.has(r.id));
  const pred = data.map((r) => o('cfpb', r.id).legalKinds.some((k) => k === 'lawyer' || k === 'lawsuit'));
  const m = prf(pred, gold);
  const missed = data.filter((r, i) => gold[i] && !pred[i]).map((r) => r.id);
  const extra = data.filter((r, i) => pred[i] && !gold[i]).map((r) => r.id);
  rows.push([`cfpb (n=${data.length}, ${labels.size} labelled legal threats): legal recall / precision`, `R ${f3(m.r)} P ${f3(m.p)}`, 'n/a', 'n/a', 'n/a']);
  if (missed.length) console.error(`legal: missed ${missed.join(' ')}`);
  if (extra.length) console.error(`legal: not labelled ${extra.join(' ')}`);
}

console.log(`| measure | ${names.join(' | ')} |`);
console.log(`|---|${names.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);

// Multilingual hard-rule signals on the team's own labelled lines: per language, recall on the lines labelled
// true and the share of lines labelled false (mostly negations: "no quiero hablar con un supervisor") left unflagged.
if (multilingualFile) {
  const field = { legal: 'legal', chargeback: 'chargeback', manager: 'managerRequest', churn: 'churnThreat', distress: 'distress',
    abusive: 'abusive', incident: 'incident', publicExposure: 'publicExposure', security: 'security', legalDenied: 'legalDenied',
    negative: 'negative' };
  const langs = new Map();
  for (const line of fs.readFileSync(multilingualFile, 'utf8').split('\n').filter(Boolean)) {
    const r = JSON.parse(line);
    const out = o('ml', r.id);
    const l = langs.get(r.lang) || { pos: 0, hit: 0, neg: 0, clean: 0, misses: [] };
    for (const [signal, expected] of Object.entries(r.expect)) {
      const got = out[field[signal]];
      if (expected) { l.pos++; if (got) l.hit++; else l.misses.push(`${r.id}:${signal}`); }
      else { l.neg++; if (!got) l.clean++; else l.misses.push(`${r.id}:!${signal}`); }
    }
    langs.set(r.lang, l);
  }
  console.log('');
  console.log('| language | hard-rule recall (labelled true) | unflagged when labelled false (negations) |');
  console.log('|---|---|---|');
  for (const [lang, l] of [...langs.entries()].sort()) {
    console.log(`| ${lang} | ${l.hit}/${l.pos} = ${f3(l.hit / Math.max(1, l.pos))} | ${l.clean}/${l.neg} = ${f3(l.clean / Math.max(1, l.neg))} |`);
    if (l.misses.length) console.error(`multilingual ${lang}: wrong ${l.misses.join(' ')}`);
  }
}
