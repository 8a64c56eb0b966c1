/**
 * `npm test`: every check, in the order a failure is cheapest to find, with a closing summary
 * of how many tests ran where. Stops at the first failing step.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Evidence } from '../e2e/harness/report.ts';

const RESULTS = '.output/test-results';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

interface Counts {
  passed: number;
  failed: number;
}

function vitest(name: string, args: string[]): string[] {
  return [
    'vitest',
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${path.join(RESULTS, `${name}.json`)}`,
  ];
}

const steps: { name: string; command: string[]; env?: Record<string, string>; counted?: boolean }[] = [
  { name: 'typecheck', command: ['tsc', '--noEmit'] },
  { name: 'lint', command: ['biome', 'check', '.'] },
  { name: 'unit', command: vitest('unit', ['--project', 'unit']), counted: true },
  { name: 'build', command: ['npm', 'run', '--silent', 'build'] },
  {
    name: 'store lint',
    command: ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--warnings-as-errors'],
  },
  { name: 'audit', command: vitest('audit', ['--project', 'audit']), counted: true },
  // What Mozilla's reviewers do: rebuild the Firefox package from the sources zip.
  { name: 'sources', command: ['npm', 'run', '--silent', 'verify:sources'] },
  { name: 'e2e build', command: ['npm', 'run', '--silent', 'build:e2e'] },
  {
    name: 'e2e chromium',
    command: vitest('e2e-chromium', ['-c', 'e2e/vitest.config.ts']),
    env: { E2E_BROWSER: 'chromium' },
    counted: true,
  },
  {
    name: 'e2e firefox',
    command: vitest('e2e-firefox', ['-c', 'e2e/vitest.config.ts']),
    env: { E2E_BROWSER: 'firefox' },
    counted: true,
  },
];

function counts(name: string): Counts {
  try {
    const report = JSON.parse(readFileSync(path.join(RESULTS, `${name}.json`), 'utf8'));
    return { passed: report.numPassedTests, failed: report.numFailedTests };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

const summary: string[] = [];
const total: Counts = { passed: 0, failed: 0 };
let failedStep: string | null = null;

for (const step of steps) {
  console.log(`\n▶ ${step.name}: ${step.command.join(' ')}`);
  const [command = '', ...args] = step.command;
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...step.env } });
  if (step.counted) {
    const stepCounts = counts(step.name.replace(' ', '-'));
    total.passed += stepCounts.passed;
    total.failed += stepCounts.failed;
    summary.push(`${step.name}: ${stepCounts.passed} passed, ${stepCounts.failed} failed`);
  } else {
    summary.push(`${step.name}: ${run.status === 0 ? 'ok' : 'FAILED'}`);
  }
  if (run.status !== 0) {
    failedStep = step.name;
    break;
  }
}

interface AssertionResult {
  status: string;
  meta?: { reliability?: Evidence[]; inputsChecked?: number };
}

/** Every test that ran, with its outcome and the evidence it attached (see e2e/harness/report.ts). */
function testResults(): AssertionResult[] {
  return steps
    .filter((step) => step.counted)
    .flatMap((step) => {
      try {
        const report = JSON.parse(
          readFileSync(path.join(RESULTS, `${step.name.replace(' ', '-')}.json`), 'utf8'),
        );
        return (report.testResults as { assertionResults: AssertionResult[] }[]).flatMap(
          (file) => file.assertionResults,
        );
      } catch {
        return [];
      }
    });
}

/**
 * The reliability and security figures, from the tests' outcomes: a case is handled, blocked or
 * not exposed only when the test that checked it passed.
 */
function reliabilitySummary(): { line: string; atGoal: boolean } {
  const cases = testResults().flatMap((test) =>
    (test.meta?.reliability ?? []).map((evidence) => ({ evidence, passed: test.status === 'passed' })),
  );
  const of = <K extends Evidence['kind']>(kind: K) =>
    cases.filter(
      (c): c is { evidence: Extract<Evidence, { kind: K }>; passed: boolean } => c.evidence.kind === kind,
    );
  const faults = of('fault');
  const handled = faults.filter((c) => c.passed).length;
  const doubleSaves = faults.filter((c) => c.evidence.puts > 1).length;
  const badInput = testResults()
    .filter((test) => test.status === 'passed')
    .reduce((sum, test) => sum + (test.meta?.inputsChecked ?? 0), 0);
  const hostile = of('hostile');
  const blocked = hostile.filter((c) => c.passed).length;
  const tokenChecks = of('tokenCheck');
  const exposures = tokenChecks.filter((c) => !c.passed).length;
  return {
    line:
      `faults: ${handled}/${faults.length} handled (draft kept, or saved once), ${doubleSaves} double saves; ` +
      `bad input: ${badInput} cases; hostile: ${blocked}/${hostile.length} blocked; ` +
      `token exposures: ${exposures} in ${tokenChecks.length} checks`,
    atGoal:
      faults.length > 0 &&
      handled === faults.length &&
      doubleSaves === 0 &&
      badInput > 0 &&
      hostile.length > 0 &&
      blocked === hostile.length &&
      tokenChecks.length > 0 &&
      exposures === 0,
  };
}

console.log('\n── summary ──');
for (const line of summary) console.log(line);
if (failedStep) console.log(`stopped at: ${failedStep}`);
const reliability = reliabilitySummary();
console.log(reliability.line);
if (!failedStep && !reliability.atGoal) console.log('reliability: a figure is off its goal');
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(failedStep || !reliability.atGoal ? 1 : 0);
