#!/usr/bin/env node
"use strict";
// Sums up one rislive-bench.sh run: the replay's results.json, procsample's samples.csv of the JVM and the
// benchmark's summary.json, into the figures the README compares with BGPalerter's.
//   node bench/rislive-report.js RUN_DIR [--confirm-for-ms 1000]
const fs = require("fs");
const path = require("path");
const dir = process.argv[2];
const i = process.argv.indexOf("--confirm-for-ms");
const confirmMs = i > 0 ? Number(process.argv[i + 1]) : 1000;
const res = JSON.parse(fs.readFileSync(path.join(dir, "results.json"), "utf8"));
const herald = fs.existsSync(path.join(dir, "summary.json")) ? JSON.parse(fs.readFileSync(path.join(dir, "summary.json"), "utf8")) : null;
const rows = fs.existsSync(path.join(dir, "samples.csv"))
  ? fs.readFileSync(path.join(dir, "samples.csv"), "utf8").trim().split("\n").slice(1).map(l => l.split(",").map(Number)) : [];
const w = res.measurementWindow;
const inWin = w ? rows.filter(r => r[0] >= w.tStart + 1000 && r[0] <= w.tEnd) : [];
const avg = a => a.length ? a.reduce((x, y) => x + y, 0) / a.length : null;
const q = (arr, p) => { const v = arr.filter(Number.isFinite).sort((a, b) => a - b); return v.length ? v[Math.min(v.length - 1, Math.floor(p * (v.length - 1) + 0.5))] : null; };
const lat = (src) => res.outages.map(o => {
  const t = src ? (o.latencyMsBySource[src] !== undefined ? o.latencyMsBySource[src] + o.tKth : null) : o.alertAt;
  return t === null || o.tLast === null ? null : t - o.tLast - confirmMs;
});
const summarize = a => { const v = a.filter(x => x !== null); return v.length ? {n: v.length, min: +q(v, 0).toFixed(1), median: +q(v, 0.5).toFixed(1), p90: +q(v, 0.9).toFixed(1), max: +q(v, 1).toFixed(1)} : null; };
const out = {
  rate: res.options.rate, monitored: res.options.monitored, unmonitored: res.options.unmonitored,
  bgMsgsPerSec: w ? w.bgMsgsPerSec : null, mbitPerSec: w ? w.mbitPerSec : null,
  clients: res.clients.map(c => ({id: c.id, sent: c.sent, maxBuffered: c.maxBuffered, closeCode: c.closeCode})),
  cpuPctInWindow: inWin.length ? +avg(inWin.map(r => r[1])).toFixed(1) : null,
  peakRssMB: rows.length ? +(Math.max(...rows.map(r => r[2])) / 1024).toFixed(1) : null,
  rssInWindowMB: inWin.length ? +(avg(inWin.map(r => r[2])) / 1024).toFixed(1) : null,
  alerts: {outagePrefixes: res.alerts.outagePrefixes, matched: res.alerts.matchedOutagePrefixes, missed: res.alerts.missed.length,
    unexpected: res.alerts.unexpectedCount},
  latencyPastConfirmFromLastWithdrawalMs: {any: summarize(lat(null)), http: summarize(lat("http")), file: summarize(lat("file"))},
  replayLatencyFromKthMs: res.latencyMs.fromKthWithdrawal, kthBufferedMax: Math.max(0, ...res.outages.map(o => o.kthBufferedBytes || 0)),
  lastAfterFirstMs: summarize(res.outages.map(o => o.tLast !== null && o.tFirst !== null ? o.tLast - o.tFirst : null)),
  herald
};
console.log(JSON.stringify(out, null, 1));
fs.writeFileSync(path.join(dir, "report.json"), JSON.stringify(out, null, 1) + "\n");
