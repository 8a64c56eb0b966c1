// Runs first in `npm test`, `npm run demo` and the other scripts, in plain JavaScript so any Node
// can run it: the project's scripts are TypeScript, which Node runs directly from 22.18 on.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `Profile Quick Edit needs Node.js 22.18 or newer, not ${process.version}: install Node 24 (nodejs.org), or next to this one with npm install --prefix "$HOME/.local/node24" node@24 && export PATH="$HOME/.local/node24/node_modules/.bin:$PATH"`,
  );
  process.exit(1);
}
