/**
 * Evidence for the reliability summary that `npm test` prints last. A test attaches what it
 * checked to itself (its `meta`, which Vitest writes into the JSON results); scripts/test.ts adds
 * it up with each test's outcome. So a case counts as handled only if its test passed: the
 * assertions that make that true are in the test, next to the record.
 */
import { TestRunner } from 'vitest';

export type Evidence =
  /** A fault injected into a request; `puts` is how many PUTs reached the instance. */
  | { kind: 'fault'; browser: string; name: string; puts: number }
  /** A hostile page, server or bio trying something; blocked when its test passed. */
  | { kind: 'hostile'; browser: string; name: string }
  /** A place where the token must not be; not exposed when its test passed. */
  | { kind: 'tokenCheck'; where: string };

declare module 'vitest' {
  interface TaskMeta {
    reliability?: Evidence[];
    /** Generated inputs a property test checked. */
    inputsChecked?: number;
  }
}

function currentMeta() {
  const test = TestRunner.getCurrentTest();
  if (!test) throw new Error('Evidence is recorded from inside a test');
  return test.meta;
}

export function record(evidence: Evidence): void {
  const meta = currentMeta();
  meta.reliability = [...(meta.reliability ?? []), evidence];
}

/** One more generated input checked by the running property test. */
export function countInput(): void {
  const meta = currentMeta();
  meta.inputsChecked = (meta.inputsChecked ?? 0) + 1;
}
