/** The simulator for e2e tests: started in-process, driven through its HTTP control API. */
import {
  type Fault,
  type LoggedRequest,
  type SimulatorOptions,
  startSimulator,
} from '../../simulator/server.ts';

export interface TestInstance {
  origin: string;
  /** API tokens of the seeded users, by user id. */
  tokens: Map<number, string>;
  addFault(fault: Fault): Promise<void>;
  requests(): Promise<LoggedRequest[]>;
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
    reset: () => control('POST', 'reset'),
    close: () => simulator.close(),
  };
}
