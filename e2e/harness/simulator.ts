/** The simulator for e2e tests: started in-process, driven through its HTTP control API. */
import type { Profile } from '../../simulator/seed.ts';
import {
  type Fault,
  type LoggedRequest,
  type SimulatorOptions,
  startSimulator,
} from '../../simulator/server.ts';

const ADMIN_USER_ID = 1;

export interface TestInstance {
  origin: string;
  /** API tokens of the seeded users, by user id. */
  tokens: Map<number, string>;
  addFault(fault: Fault): Promise<void>;
  requests(): Promise<LoggedRequest[]>;
  /** Waits until the log holds a request that `matches`, and returns the whole log. */
  waitForRequest(matches: (request: LoggedRequest) => boolean): Promise<LoggedRequest[]>;
  clearLog(): Promise<void>;
  /** The profile as the instance holds it now (read with the admin's token, not logged). */
  profile(userId: number): Promise<Profile>;
  /** Someone else edits the profile on the instance, e.g. in its own settings pages. */
  editElsewhere(userId: number, changes: Partial<Profile>): Promise<void>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestInstance(options: SimulatorOptions = {}): Promise<TestInstance> {
  const simulator = await startSimulator(options);
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${simulator.origin}/__sim/${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`simulator control ${path}: ${response.status}`);
    return response.json();
  };
  return {
    origin: simulator.origin,
    tokens: new Map([...simulator.users].map(([id, user]) => [id, user.token])),
    addFault: (fault) => control('POST', 'faults', fault),
    requests: () => control('GET', 'log'),
    clearLog: () => control('DELETE', 'log'),
    waitForRequest: async (matches) => {
      for (let waited = 0; waited < 10_000; waited += 50) {
        const log: LoggedRequest[] = await control('GET', 'log');
        if (log.some(matches)) return log;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('the expected request never reached the simulator');
    },
    profile: async (userId) => {
      const user = simulator.users.get(userId);
      if (!user) throw new Error(`no seeded user ${userId}`);
      return structuredClone(user.profile);
    },
    editElsewhere: async (userId, changes) => {
      const admin = simulator.users.get(ADMIN_USER_ID)?.token;
      const response = await fetch(`${simulator.origin}/api/public/user/${userId}/info`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify(changes),
      });
      if (!response.ok) throw new Error(`edit elsewhere: ${response.status}`);
      await control('DELETE', 'log');
    },
    reset: () => control('POST', 'reset'),
    close: () => simulator.close(),
  };
}
