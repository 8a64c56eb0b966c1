/**
 * `npm test`: every check, in the order a failure is cheapest to find, with a closing summary
 * of how many tests ran where. Stops at the first failing step.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { type Evidence, RELIABILITY_LOG } from '../e2e/harness/report.ts';

const RESULTS = '.output/test-results';
mkdirSync(RESULTS, { recursive: true });
rmSync(RELIABILITY_LOG, { force: true });

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

/** The reliability and security figures the tests recorded, and whether each is at its goal. */
function reliabilitySummary(): { line: string; atGoal: boolean } {
  let evidence: Evidence[] = [];
  try {
    evidence = readFileSync(RELIABILITY_LOG, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Evidence);
  } catch {
    // No evidence: every figure below reads as missing.
  }
  const faults = evidence.filter((e) => e.kind === 'fault');
  const kept = faults.filter((e) => e.keptDraft).length;
  const doubleSaves = faults.filter((e) => e.puts > 1).length;
  const badInput = evidence.reduce((sum, e) => sum + (e.kind === 'badInput' ? e.cases : 0), 0);
  const hostile = evidence.filter((e) => e.kind === 'hostile');
  const blocked = hostile.filter((e) => e.blocked).length;
  const tokenChecks = evidence.filter((e) => e.kind === 'tokenCheck');
  const exposures = tokenChecks.filter((e) => e.exposed).length;
  return {
    line:
      `faults: ${kept}/${faults.length} kept the draft, ${doubleSaves} double saves; ` +
      `bad input: ${badInput} cases; hostile: ${blocked}/${hostile.length} blocked; ` +
      `token exposures: ${exposures}`,
    atGoal:
      faults.length > 0 &&
      kept === faults.length &&
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
