/**
 * `npm test`: every check, in the order a failure is cheapest to find, with a closing summary
 * of how many tests ran where. Stops at the first failing step.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const RESULTS = '.output/test-results';
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

console.log('\n── summary ──');
for (const line of summary) console.log(line);
if (failedStep) console.log(`stopped at: ${failedStep}`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(failedStep ? 1 : 0);
