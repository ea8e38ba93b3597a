#!/usr/bin/env node
// oracle.cjs — adapter that feeds `denied simulate` cases to the npm package
// @cloud-copilot/iam-simulate, which the differential tests use as a peer
// implementation (not as the truth).
//
// The package is AGPL licensed: it is never vendored into this repository. The
// test harness installs it with `npm ci` (from package.json and
// package-lock.json beside this file) into a temporary folder and runs this
// script with NODE_PATH pointing at that folder's node_modules.
//
// Usage:
//   node oracle.cjs           < cases.jsonl > answers.jsonl
//   node oracle.cjs --bench   < cases.jsonl            (prints cases/s on stderr)
//
// Input: one case per line in the `denied simulate` case format. Documents
// given as JSON strings (plain or URL-encoded) are decoded here (documentOf).
// Output: one line per input line, in order:
//   {"id": "...", "decision": "Allowed" | "ExplicitDeny" | "ImplicitDeny"}
//   {"id": "...", "error": "..."}          (the oracle refused the case)
// An "ignored" array is added when the oracle silently dropped context keys
// that it does not consider valid for the action and resource.
'use strict';

const readline = require('node:readline');
const { runSimulation, anonymousPrincipal } = require('@cloud-copilot/iam-simulate');

const DECISIONS = {
  Allowed: 'Allowed',
  ExplicitlyDenied: 'ExplicitDeny',
  ImplicitlyDenied: 'ImplicitDeny'
};

// isRcpFullAwsAccess reports whether a policy document is the AWS managed
// RCPFullAWSAccess policy (Allow * on * for Principal *). AWS attaches it to
// every root, OU and account and it cannot be detached, so our cases list it
// explicitly; iam-simulate adds it implicitly to every RCP level and refuses
// Allow statements in RCPs, so explicit copies are dropped here.
function isRcpFullAwsAccess(doc) {
  if (!doc || typeof doc !== 'object') return false;
  let stmts = doc.Statement;
  if (!Array.isArray(stmts)) stmts = stmts ? [stmts] : [];
  if (stmts.length === 0) return false;
  return stmts.every((s) => {
    if (!s || s.Effect !== 'Allow' || s.Condition || s.NotAction || s.NotResource || s.NotPrincipal) {
      return false;
    }
    const one = (v) => v === '*' || (Array.isArray(v) && v.length === 1 && v[0] === '*');
    const principal = s.Principal === '*' || (s.Principal && one(s.Principal.AWS) && Object.keys(s.Principal).length === 1);
    return principal && one(s.Action) && one(s.Resource);
  });
}

function str(v) {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function arnAccount(arn) {
  if (typeof arn !== 'string' || !arn.startsWith('arn:')) return '';
  const parts = arn.split(':');
  return parts.length >= 6 ? parts[4] : '';
}

// documentOf returns the document of a case's policy object as an object.
// A case may give it as a JSON string holding the document's JSON text, or
// that text URL-encoded as IAM's GetRolePolicy and GetPolicyVersion return
// it (RFC 3986 percent-encoding; "+" is a plus sign), possibly after a byte
// order mark. iam-simulate is given the decoded object, so that a wrong
// decoding on denied's side shows up as a disagreement; text that does not
// decode makes the case an error.
function documentOf(doc, where) {
  if (typeof doc !== 'string') return doc;
  const strip = (t) => t.replace(/^\uFEFF/, '').trim();
  let text = strip(doc);
  if (!text.startsWith('{')) {
    try {
      text = strip(decodeURIComponent(text));
    } catch (e) {
      throw new Error(`${where}: the document string is neither JSON nor URL-encoded JSON: ${e.message}`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${where}: the document string does not hold JSON: ${e.message}`);
  }
}

function named(list, prefix) {
  return (list || []).map((p, i) => ({
    name: (p && p.name) || `${prefix}${i}`,
    policy: p ? documentOf(p.document, `${prefix}${i}`) : undefined
  }));
}

// toSimulation converts one case of the `denied simulate` format into an
// iam-simulate Simulation.
function toSimulation(c) {
  const req = c.request || {};
  const principal = req.principal === '*' ? anonymousPrincipal : req.principal;
  const resource = req.resource;
  const accountId = req.resourceAccount || arnAccount(resource) || arnAccount(req.principal) || '';
  const contextVariables = {};
  for (const [k, v] of Object.entries(req.context || {})) {
    contextVariables[k] = Array.isArray(v) ? v.map(str) : str(v);
  }
  const sim = {
    request: { principal, action: req.action, resource: { resource, accountId }, contextVariables },
    identityPolicies: named(c.identityPolicies, 'identity-'),
    serviceControlPolicies: (c.serviceControlPolicies || []).map((lvl) => ({
      orgIdentifier: lvl.target,
      policies: named(lvl.policies, 'scp-')
    })),
    resourceControlPolicies: (c.resourceControlPolicies || []).map((lvl) => ({
      orgIdentifier: lvl.target,
      policies: named(lvl.policies, 'rcp-').filter((p) => !isRcpFullAwsAccess(p.policy))
    }))
  };
  if (c.permissionsBoundary) {
    sim.permissionBoundaryPolicies = named([c.permissionsBoundary], 'boundary-');
  }
  if (c.sessionPolicy) sim.sessionPolicy = documentOf(c.sessionPolicy.document, 'sessionPolicy');
  if (c.resourcePolicy) sim.resourcePolicy = documentOf(c.resourcePolicy.document, 'resourcePolicy');
  if (c.vpcEndpointPolicies && c.vpcEndpointPolicies.length > 0) {
    sim.vpcEndpointPolicies = named(c.vpcEndpointPolicies, 'vpce-');
  }
  return sim;
}

function errorText(errors) {
  if (!errors) return 'unknown error';
  const { message, ...rest } = errors;
  const detail = Object.keys(rest).length > 0 ? ' ' + JSON.stringify(rest) : '';
  return (message || 'error') + detail;
}

async function answer(line) {
  let c;
  try {
    c = JSON.parse(line);
  } catch (e) {
    return { id: '', error: 'invalid JSON: ' + e.message };
  }
  const id = (c && c.id) || '';
  try {
    const res = await runSimulation(toSimulation(c), {});
    if (res.resultType === 'error') return { id, error: errorText(res.errors) };
    const out = { id, decision: DECISIONS[res.overallResult] || String(res.overallResult) };
    const ignored = res.resultType === 'single'
      ? res.result.ignoredContextKeys
      : [...new Set((res.results || []).flatMap((r) => r.ignoredContextKeys || []))];
    if (ignored && ignored.length > 0) out.ignored = ignored;
    return out;
  } catch (e) {
    return { id, error: 'exception: ' + (e && e.message ? e.message : String(e)) };
  }
}

function write(text) {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

async function serve() {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let buf = '';
  for await (const line of rl) {
    if (line.trim() === '') continue;
    buf += JSON.stringify(await answer(line)) + '\n';
    if (buf.length >= 1 << 16) {
      await write(buf);
      buf = '';
    }
  }
  if (buf.length > 0) await write(buf);
}

// bench reads every case, converts them all, then times runSimulation (the
// validating, strict-mode entry point) over the whole set.
async function bench() {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  const sims = [];
  for await (const line of rl) {
    if (line.trim() === '') continue;
    sims.push(toSimulation(JSON.parse(line)));
  }
  if (sims.length > 0) await runSimulation(sims[0], {}); // load the data files once
  let errors = 0;
  const start = process.hrtime.bigint();
  for (const sim of sims) {
    const res = await runSimulation(sim, {});
    if (res.resultType === 'error') errors++;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rate = sims.length / seconds;
  process.stderr.write(
    `oracle-bench: cases=${sims.length} errors=${errors} seconds=${seconds.toFixed(3)} rate=${rate.toFixed(1)} cases/s\n`
  );
}

(process.argv.includes('--bench') ? bench() : serve()).catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(1);
});
