/**
 * The simulated instance's own web pages. The app shell renders client-side and navigates with
 * `history.pushState`, like the real instance, so the content script's navigation handling is
 * exercised for real. `?hostile=1` adds page styles that try to break injected UI.
 */

const HOSTILE_CSS = `
  * { all: unset !important; }
  body::after { content: ''; position: fixed; inset: 0; z-index: 2147483647; background: rgba(255,0,0,.05); pointer-events: none; }
  .overlay { position: fixed; inset: 0; z-index: 2147483646; }
`;

const APP_SCRIPT = `
const app = document.getElementById('app');
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
async function users() { return (await fetch('/sim-data/users')).json(); }
async function render() {
  const path = location.pathname;
  let m;
  if (path === '/admin/users') {
    const list = await users();
    app.innerHTML = '<h1>Users</h1><ul>' + list.map((u) =>
      '<li><a data-spa href="/users/' + u.userId + '">' + esc(u.name) + '</a></li>').join('') + '</ul>';
  } else if ((m = path.match(/^\\/(?:admin\\/)?users\\/(\\d+)$/))) {
    const user = (await users()).find((u) => String(u.userId) === m[1]);
    // The bio is the instance editor's HTML, shown as the instance shows it.
    app.innerHTML = user ? '<h1>' + esc(user.name) + '</h1><p>@' + esc(user.username) + '</p>' +
      '<div class="ql-editor bio">' + (user.description || '') + '</div>'
      : '<h1>No such user</h1>';
  } else if (path === '/profile/personal-information') {
    const res = await fetch('/api/auth/user');
    const who = res.ok ? (await res.json()).user.name : 'Not signed in';
    app.innerHTML = '<h1>Personal information</h1><p>' + esc(who) + '</p>';
  } else {
    app.innerHTML = '<h1>Creators Hub (simulator)</h1>';
  }
}
document.addEventListener('click', (event) => {
  const link = event.target.closest && event.target.closest('a[data-spa]');
  if (!link) return;
  event.preventDefault();
  history.pushState(null, '', link.getAttribute('href'));
  render();
});
addEventListener('popstate', render);
render();
`;

/**
 * `?attack=1`: the page tries everything a hostile instance page could against the extension
 * and reports what it got in `window.__attack` (read by the security tests).
 */
const ATTACK_SCRIPT = `
(async () => {
  const report = { steps: [], found: {} };
  const step = (name, fn) => { try { fn(); report.steps.push(name); } catch (e) { report.steps.push(name + ': ' + e.message); } };
  await new Promise((r) => setTimeout(r, 800)); // let the extension's button appear first
  const host = document.querySelector('[data-profile-quick-edit]');
  report.found.buttonPresent = Boolean(host);
  report.found.shadowRootVisible = Boolean(host && host.shadowRoot);
  step('window messages', () => {
    const envelope = { protocol: 'profile-quick-edit/1', type: 'cs:openEditor', payload: { userId: 7 } };
    window.postMessage(envelope, '*');
    window.postMessage({ type: 'ui:getProfile', payload: {} }, '*');
    window.postMessage(JSON.stringify(envelope), '*');
  });
  step('synthetic events on the button', () => {
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
      host && host.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
    }
    host && host.click();
    host && host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  });
  step('an imitation of the button', () => {
    const fake = document.createElement('profile-quick-edit');
    const button = document.createElement('button');
    button.textContent = '✎ Edit profile';
    fake.append(button);
    document.body.append(fake);
    button.click();
  });
  step('the extension APIs', () => {
    const api = window.chrome || window.browser;
    report.found.runtime = Boolean(api && api.runtime && api.runtime.sendMessage);
    report.found.storage = Boolean(api && api.storage);
  });
  step('page storage and cookies', () => {
    report.found.pageStorage = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie;
  });
  report.found.pageText = document.documentElement.outerHTML;
  await new Promise((r) => setTimeout(r, 800));
  report.done = true;
  window.__attack = report;
})();
`;

/** Enough look for the instance to read as a real site in screenshots and demos. */
const SITE_CSS = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; --bg: #f6f5fb; --card: #fff; --fg: #1d1b26; --accent: #c4682b; }
  @media (prefers-color-scheme: dark) { :root { --bg: #121117; --card: #1e1c26; --fg: #ecebf2; } }
  body { margin: 0; background: var(--bg); color: var(--fg); }
  nav { display: flex; gap: 20px; align-items: center; padding: 14px 32px; background: var(--card); box-shadow: 0 1px 3px #0002; }
  nav::before { content: 'Creators Hub'; font-weight: 700; color: var(--accent); margin-right: 16px; }
  nav a { color: inherit; text-decoration: none; }
  main { max-width: 760px; margin: 32px auto; padding: 24px 32px; background: var(--card); border-radius: 12px; box-shadow: 0 1px 3px #0002; }
  main a { color: var(--accent); }
  .bio { border-top: 1px solid #8884; margin-top: 16px; padding-top: 12px; line-height: 1.42; }
  .bio p, .bio h1, .bio h2, .bio h3, .bio ol, .bio ul, .bio blockquote { margin: 0; }
  .bio blockquote { border-left: 4px solid #ccc; padding-left: 16px; margin: 5px 0; }
  .bio .ql-video { display: block; width: 100%; max-width: 480px; height: 270px; border: 0; }
  .bio ol, .bio ul { padding-left: 1.5em; counter-reset: item; }
  .bio li { list-style-type: none; padding-left: 1.5em; }
  .bio li::before { display: inline-block; width: 1.2em; margin-left: -1.5em; margin-right: .3em; text-align: right; }
  .bio ul > li::before { content: '\\2022'; }
  .bio ol > li { counter-increment: item; } .bio ol > li::before { content: counter(item) '. '; }
  .bio .ql-indent-1 { padding-left: 3em; } .bio li.ql-indent-1 { padding-left: 4.5em; }
  .bio .ql-indent-2 { padding-left: 6em; } .bio li.ql-indent-2 { padding-left: 7.5em; }
  .bio .ql-indent-3 { padding-left: 9em; } .bio li.ql-indent-3 { padding-left: 10.5em; }
`;

/**
 * `?upgrade=1`: before the extension's script runs, the page defines a custom element of the name a
 * button host could have, and keeps the ElementInternals of any it gets (`window.__internals`).
 */
const UPGRADE_SCRIPT = `
window.__internals = [];
customElements.define('profile-quick-edit', class extends HTMLElement {
  constructor() { super(); window.__internals.push(this.attachInternals()); }
});
`;

/**
 * `?decoy=1`: a layer over the page's corner that lets clicks through, and a switch of the address
 * to user 13 as soon as a pointer goes down anywhere, before the page's own handlers see it.
 */
const DECOY_SCRIPT = `
const decoy = document.createElement('div');
decoy.textContent = 'Bob Five';
decoy.style.cssText = 'position:fixed;right:0;bottom:0;width:320px;height:120px;pointer-events:none;background:transparent';
document.body.append(decoy);
addEventListener('pointerdown', () => history.pushState(null, '', '/users/13'), { capture: true });
`;

export interface ShellOptions {
  hostile?: boolean;
  attack?: boolean;
  upgrade?: boolean;
  decoy?: boolean;
}

export function appShell({ hostile, attack, upgrade, decoy }: ShellOptions = {}): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Creators Hub simulator</title>
<style>${SITE_CSS}</style>
${hostile ? `<style>${HOSTILE_CSS}</style>` : ''}
${upgrade ? `<script>${UPGRADE_SCRIPT}</script>` : ''}</head>
<body>
<nav>
  <a data-spa href="/">Home</a>
  <a data-spa href="/profile/personal-information">My profile</a>
  <a data-spa href="/admin/users">Users</a>
  <a href="/login">Sign in</a>
</nav>
${hostile ? '<div class="overlay"></div>' : ''}
<main id="app"></main>
<script>${APP_SCRIPT}</script>
${attack ? `<script>${ATTACK_SCRIPT}</script>` : ''}
${decoy ? `<script>${DECOY_SCRIPT}</script>` : ''}
</body></html>`;
}

export function loginPage(message = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in · Creators Hub simulator</title></head>
<body>
<h1>Sign in</h1>
${message ? `<p role="alert">${message}</p>` : ''}
<form method="post" action="/login">
  <label>Username <input name="username" autocomplete="username"></label>
  <label>Password <input name="password" type="password" autocomplete="current-password"></label>
  <button type="submit">Sign in</button>
</form>
</body></html>`;
}

export const HTML_ERROR_PAGE =
  '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
