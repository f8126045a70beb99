#!/usr/bin/env node
"use strict";
// Writes what Outage Herald's fake looking glass needs to seed its routing table so that the seed matches
// the stream of rislive-replay.js: every RIS peer of the model (collector, address, AS, address family) and,
// for each monitored prefix, its origin and upstreams. It loads the replay's own model (lib/stream.js) from
// the folder given, so the peers are exactly those the replay will send; nothing of it is copied here.
//
//   node bench/rislive-universe.js --replay-dir /tmp/ris-bench --out universe.json [--check monitored.json]
//        [--seed 1 --peers 300 --collectors 20 --v6-peer-frac 0.35 --monitored 100 --unmonitored 10000
//         --v6-prefix-frac 0.25 --prefixes-per-origin 4]     (the same universe options as the replay run)

const fs = require("fs");
const path = require("path");

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const replayDir = opt("--replay-dir", null);
const out = opt("--out", null);
if (!replayDir || !out) {
  console.error("usage: rislive-universe.js --replay-dir DIR --out FILE [--check monitored.json] [universe options]");
  process.exit(2);
}
const {buildUniverse, planOutages, scheduleOutage} = require(path.resolve(replayDir, "lib", "stream.js"));
const num = (name, def) => Number(opt(name, def));
const opts = {
  seed: num("--seed", 1), peers: num("--peers", 300), collectors: num("--collectors", 20),
  v6PeerFrac: num("--v6-peer-frac", 0.35), monitored: num("--monitored", 100), unmonitored: num("--unmonitored", 10000),
  v6PrefixFrac: num("--v6-prefix-frac", 0.25), prefixesPerOrigin: num("--prefixes-per-origin", 4),
  // the outage plan, so the fake looking glass can say which peer still carries an outage prefix when
  outageAt: String(opt("--outage-at", "")).split(",").filter(Boolean).map(Number).sort((a, b) => a - b),
  outagePrefixes: num("--outage-prefixes", 10), outageSpread: num("--outage-spread", 5),
  outageSpreadExp: num("--outage-spread-exp", 2), outagePack: num("--outage-pack", 50),
  huntFrac: num("--hunt-frac", 0), restoreAfter: num("--restore-after", 0)
};
const u = buildUniverse(opts);
const peers = u.peers.map(p => ({collector: p.collector, ip: p.ip, asn: p.asn, afi: p.afi}));
const monitored = {};
for (const p of u.prefixes.filter(x => x.monitored)) {
  const o = u.origins[p.originIdx];
  monitored[p.text] = {origin: o.asn, upstreams: o.upstreams, afi: p.afi};
}
const check = opt("--check", null);
if (check) {
  const listed = JSON.parse(fs.readFileSync(check, "utf8")).monitored.map(m => m.prefix);
  const missing = listed.filter(p => !monitored[p]);
  if (missing.length || listed.length !== Object.keys(monitored).length) {
    console.error(`universe options do not match ${check}: ${missing.length} of its prefixes unknown here`);
    process.exit(1);
  }
}
// per outage prefix: when (ms after the stream's start) each peer withdraws it
const withdrawals = {};
for (const ev of planOutages(u, opts)) {
  for (const a of scheduleOutage(u, ev, opts)) {
    if (a.kind !== "withdraw") continue;
    const peer = u.peers[a.peerIdx];
    for (const k of a.prefixIdxs) {
      const w = withdrawals[u.prefixes[k].text] || (withdrawals[u.prefixes[k].text] = {});
      w[`${peer.collector} ${peer.ip}`] = Math.round(a.at);
    }
  }
}
fs.writeFileSync(out, JSON.stringify({options: opts, peers, monitored, withdrawals}));
console.log(`wrote ${peers.length} peers (${u.peersV4.length} v4, ${u.peersV6.length} v6) and ${Object.keys(monitored).length} monitored prefixes to ${out}`);
