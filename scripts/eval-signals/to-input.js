// Writes the rows of every evaluation file as {"id","text"} JSON Lines, ids prefixed by their set.
'use strict';
const fs = require('fs');
const path = require('path');
const dataDir = process.argv[2];
const multilingual = process.argv[3];
const sets = {
  airline: 'airline-dev.jsonl', davidson: 'offensive-davidson.jsonl', urgency: 'urgency-forum.jsonl', cfpb: 'cfpb-complaints.jsonl',
  'vader-tweets': 'vader-tweets.jsonl', 'vader-amazonreviewsnippets': 'vader-amazonreviewsnippets.jsonl',
  'vader-moviereviewsnippets': 'vader-moviereviewsnippets.jsonl', 'vader-nyteditorialsnippets': 'vader-nyteditorialsnippets.jsonl',
};
const out = [];
for (const [set, file] of Object.entries(sets)) {
  for (const line of fs.readFileSync(path.join(dataDir, file), 'utf8').split('\n').filter(Boolean)) {
    const r = JSON.parse(line);
    out.push(JSON.stringify({ id: `${set}:${r.id}`, text: r.text }));
  }
}
// The team's own labelled lines in seven languages (tests/Escalation.Core.Tests/Signals/multilingual-signals.jsonl).
if (multilingual) {
  for (const line of fs.readFileSync(multilingual, 'utf8').split('\n').filter(Boolean)) {
    const r = JSON.parse(line);
    out.push(JSON.stringify({ id: `ml:${r.id}`, text: r.text }));
  }
}
process.stdout.write(out.join('\n') + '\n');
