/**
 * Evidence for the reliability summary that `npm test` prints last. Tests append one JSON line
 * per checked case; scripts/test.ts clears the file first and adds it all up at the end.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export const RELIABILITY_LOG = path.resolve(
  import.meta.dirname,
  '../../.output/test-results/reliability.jsonl',
);

export type Evidence =
  | { kind: 'fault'; browser: string; name: string; keptDraft: boolean; puts: number }
  | { kind: 'badInput'; cases: number }
  | { kind: 'hostile'; browser: string; name: string; blocked: boolean }
  | { kind: 'tokenCheck'; where: string; exposed: boolean };

export function record(evidence: Evidence): void {
  mkdirSync(path.dirname(RELIABILITY_LOG), { recursive: true });
  appendFileSync(RELIABILITY_LOG, `${JSON.stringify(evidence)}\n`);
}
