/**
 * `npm run simulator`: a local Creators Hub instance for trying the extension by hand.
 * Options: --port N (default 4815), --path-forms info,profileInfo (default both).
 */
import { parseArgs } from 'node:util';
import { type PathForm, startSimulator } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4815' },
    'path-forms': { type: 'string', default: 'info,profileInfo' },
  },
});

const simulator = await startSimulator({
  port: Number(values.port),
  pathForms: values['path-forms'].split(',') as PathForm[],
});

console.log(`Creators Hub simulator on ${simulator.origin}`);
console.log('Seeded users (user id · name · role · login · API token):');
for (const { profile, password, token } of simulator.users.values()) {
  const { name, username, role } = profile.user;
  console.log(`  ${profile.userId} · ${name} · ${role.name} · ${username} / ${password}`);
  console.log(`      ${token}`);
}
console.log(`Try: curl -H "Authorization: Bearer <token>" ${simulator.origin}/api/public/user/6/info`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => simulator.close().then(() => process.exit(0)));
}
