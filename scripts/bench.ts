/**
 * `npm run bench`: how quick the extension is, measured the way a user feels it and against the
 * floor of a minimal extension built with the same toolchain. Prints a table and writes
 * .output/bench.json. Budgets that are missed are printed as missed. Figures, not assertions:
 * the machines are noisy, so timings are medians of alternating runs and also shown as ratios.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { markWallTime } from '../e2e/harness/clock.ts';
import { chromiumPath } from '../e2e/harness/find-browser.ts';
import { startSimulator } from '../simulator/server.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, '.output');
// Medians of 10 runs moved the popup's ratio to the floor by up to 0.1 between runs; of 30, by ≈0.05.
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const KB = 1024;
/** The popup's budget covers what it loads before its first paint, not what it fetches after. */
const BUDGETS_KB = { popup: 20, contentScript: 3, background: 15 } as const;
/** A warm popup paints within this many times the floor's time. */
const PAINT_RATIO_GOAL = 1.25;
const PAINT_MARK = 'profile-fields-painted';
/** Set by the rich bio editor (components/rich-bio/RichBio.tsx) once the bio can be edited. */
const BIO_EDITABLE_MARK = 'bio-editable';
/** Set by the popup (entrypoints/popup/main.tsx): where its time goes before the paint. */
const SCRIPTS_MARK = 'popup-scripts-evaluated';
const STORAGE_MARK = 'popup-storage-read';
/** Longer than any page here takes to paint, so reading the mark never disturbs the load. */
const SETTLE_MS = 400;
/**
 * Every popup opens from a blank, idle tab, as a user opens it long after the last one closed.
 * Opened straight after another page, a popup shares the 2 cores with that page's teardown: the
 * floor, always opened after ours, painted ≈5 ms later, which flattered ours (1.18× instead of 1.34×).
 */
const IDLE_BEFORE_OPEN_MS = 200;
/** How many resamples of the runs give the spread printed next to the popup's ratios. */
const RESAMPLES = 2000;
const MIRA = 6;

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Where the ratio of two medians lands in 90% of resamples of the runs (a bootstrap): the spread a
 * goal should be read against, since a ratio a few hundredths over it may be noise.
 */
function ratioSpread(ours: number[], floor: number[]): [number, number] {
  const pick = (values: number[]) => values.map(() => values[Math.floor(Math.random() * values.length)] ?? 0);
  const ratios = Array.from({ length: RESAMPLES }, () => median(pick(ours)) / median(pick(floor))).sort(
    (a, b) => a - b,
  );
  const at = (share: number) => round(ratios[Math.floor(share * (ratios.length - 1))] ?? 0, 2);
  return [at(0.05), at(0.95)];
}

// ---- 1. sizes ---------------------------------------------------------------------------------

/** Chunks a script imports statically: they load before it runs. */
function staticImports(buildDir: string, file: string): string[] {
  const text = readFileSync(path.join(buildDir, file), 'utf8');
  return [...text.matchAll(/\bimport\s*(?:[\w$*{}\s,]*?from\s*)?["'`]\.\/([^"'`]+\.js)["'`]/g)].map((match) =>
    path.posix.join(path.posix.dirname(file), match[1] ?? ''),
  );
}

/** The JS files an HTML page loads before it can run: its module script and what that imports. */
function scriptsOf(buildDir: string, page: string): string[] {
  const html = readFileSync(path.join(buildDir, page), 'utf8');
  const files = new Set([...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((match) => match[1] ?? ''));
  for (const file of files) for (const imported of staticImports(buildDir, file)) files.add(imported);
  return [...files];
}

/** The chunks a page fetches after it has started (dynamic imports), by the name they were built from. */
function deferredChunksOf(buildDir: string, page: string): Record<string, string> {
  const loaded = scriptsOf(buildDir, page);
  const chunks: Record<string, string> = {};
  for (const file of loaded) {
    const text = readFileSync(path.join(buildDir, file), 'utf8');
    for (const [, chunk = ''] of text.matchAll(/\bimport\(["'`]\.\/([^"'`]+\.js)["'`]\)/g)) {
      const name = /^([\w-]+?)-[\w-]{8}\.js$/.exec(chunk)?.[1] ?? chunk;
      chunks[name] = path.posix.join(path.posix.dirname(file), chunk);
    }
  }
  return chunks;
}

function gzipKb(buildDir: string, files: string[]): number {
  return (
    files.reduce(
      (sum, file) => sum + gzipSync(readFileSync(path.join(buildDir, file)), { level: 9 }).length,
      0,
    ) / KB
  );
}

interface Stats {
  nodeParts: Record<string, { renderedLength: number }>;
  nodeMetas: Record<string, { id: string; moduleParts: Record<string, string> }>;
}

/** What an entry bundles, by package or source folder, largest first (from `wxt build --analyze`). */
function contents(files: string[]): string[] {
  const totals = new Map<string, number>();
  const analysis = path.join(OUT, 'analysis');
  // One file per build step: WXT builds the background, the page script and each page apart.
  for (const file of readdirSync(analysis).filter((name) => /^stats-\d+\.json$/.test(name))) {
    const stats: Stats = JSON.parse(readFileSync(path.join(analysis, file), 'utf8'));
    for (const meta of Object.values(stats.nodeMetas)) {
      for (const [bundle, part] of Object.entries(meta.moduleParts)) {
        if (!files.includes(bundle)) continue;
        const owner = meta.id.includes('node_modules')
          ? (/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(meta.id)?.[1] ?? meta.id)
          : meta.id.split('/').slice(-2, -1)[0] || meta.id;
        totals.set(owner, (totals.get(owner) ?? 0) + (stats.nodeParts[part]?.renderedLength ?? 0));
      }
    }
  }
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([owner, size]) => `${owner} ${Math.round((size / all) * 100)}%`);
}

// ---- 2. the floor: a minimal extension, same toolchain ----------------------------------------

const FLOOR_DIR = path.join(OUT, 'bench', 'floor');

function buildFloor(): string {
  rmSync(FLOOR_DIR, { recursive: true, force: true });
  mkdirSync(path.join(FLOOR_DIR, 'entrypoints', 'popup'), { recursive: true });
  writeFileSync(
    path.join(FLOOR_DIR, 'wxt.config.ts'),
    `import { defineConfig } from 'wxt';\nexport default defineConfig({ imports: false, webExt: { disabled: true }, manifest: { name: 'Floor' } });\n`,
  );
  writeFileSync(
    path.join(FLOOR_DIR, 'entrypoints', 'background.ts'),
    `import { defineBackground } from 'wxt/utils/define-background';\nexport default defineBackground(() => {});\n`,
  );
  writeFileSync(
    path.join(FLOOR_DIR, 'entrypoints', 'popup', 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>Floor</title></head><body><div id="app"></div><script type="module" src="./main.tsx"></script></body></html>`,
  );
  writeFileSync(
    path.join(FLOOR_DIR, 'entrypoints', 'popup', 'main.tsx'),
    `/** @jsxImportSource preact */\nimport { render } from 'preact';\nrender(<p>Hello</p>, document.getElementById('app') as HTMLElement);\nrequestAnimationFrame(() => performance.mark('${PAINT_MARK}'));\n`,
  );
  run('npx', ['wxt', 'build', FLOOR_DIR], { NODE_ENV: 'production' });
  return path.join(FLOOR_DIR, '.output', 'chrome-mv3');
}

// ---- 3-5. in Chromium --------------------------------------------------------------------------

interface StorageArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}
interface ChromeRuntime {
  runtime: { getManifest(): { name: string } };
}
interface ChromeAction {
  action: { getPopup(details: object): Promise<string> };
}
interface ChromeStorage {
  storage: { local: StorageArea; session: StorageArea };
}

interface PageLoad {
  scriptMs: number;
  shift: number;
  longTasks: number;
}

/** Milestones of one popup load, in ms from navigation start (absent ones are NaN). */
interface PopupLoad {
  painted: number;
  /** The bio's rich editor is ready for typing. */
  bioEditable: number;
  scriptsEvaluated: number;
  storageRead: number;
}

/** `ours`: the extension's popup, whose rich bio editor is waited for too; else the floor's. */
async function loadPopup(page: Page, url: string, ours = true): Promise<PopupLoad> {
  await page.goto('about:blank');
  await new Promise((resolve) => setTimeout(resolve, IDLE_BEFORE_OPEN_MS));
  // Nothing runs in the page until it has painted: Playwright's helpers evaluate scripts in the
  // page, which would land in the middle of a page that is still starting and slow it down.
  await page.goto(url, { waitUntil: 'commit' });
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  await page.waitForFunction(
    (marks) => marks.every((mark) => performance.getEntriesByName(mark).length > 0),
    ours ? [PAINT_MARK, BIO_EDITABLE_MARK] : [PAINT_MARK],
    { timeout: 20_000 },
  );
  const [painted, bioEditable, scriptsEvaluated, storageRead] = await page.evaluate(
    (marks) => marks.map((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN),
    [PAINT_MARK, BIO_EDITABLE_MARK, SCRIPTS_MARK, STORAGE_MARK],
  );
  return {
    painted: painted ?? Number.NaN,
    bioEditable: bioEditable ?? Number.NaN,
    scriptsEvaluated: scriptsEvaluated ?? Number.NaN,
    storageRead: storageRead ?? Number.NaN,
  };
}

async function measureInBrowser(floorDir: string) {
  const ours = path.join(OUT, 'chrome-mv3-e2e');
  const simulator = await startSimulator({});
  const profile = path.join(OUT, 'bench', 'profile');
  rmSync(profile, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      `--disable-extensions-except=${ours},${floorDir}`,
      `--load-extension=${ours},${floorDir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    // Both extensions' workers, told apart by their manifests.
    while (context.serviceWorkers().length < 2) await context.waitForEvent('serviceworker');
    const workers = context.serviceWorkers();
    const origins = workers.map((worker) => `chrome-extension://${new URL(worker.url()).host}`);
    const names = await Promise.all(
      workers.map((worker) =>
        worker.evaluate(
          () => (globalThis as unknown as { chrome: ChromeRuntime }).chrome.runtime.getManifest().name,
        ),
      ),
    );
    const page = await context.newPage();
    const floorOrigin = origins[names.indexOf('Floor')] ?? '';
    const ourOrigin = origins[names.findIndex((name) => name !== 'Floor')] ?? '';

    // Configure ours for the simulator's creator, as options would.
    await page.goto(`${ourOrigin}/options.html`);
    const token = simulator.users.get(MIRA)?.token;
    await page.evaluate(
      async ({ origin, token }) => {
        const api = (globalThis as unknown as { chrome: ChromeStorage }).chrome;
        await api.storage.local.set({
          activeInstance: origin,
          instances: [
            {
              origin,
              label: '',
              authMode: 'token',
              userId: 6,
              pathForm: null,
              routePatterns: ['/users/:id'],
              rememberToken: false,
            },
          ],
        });
        await api.storage.session.set({ [`token:${origin}`]: token });
      },
      { origin: simulator.origin, token },
    );
    // The popup the toolbar button opens: the background names the signed-in user in its address.
    const toolbarPopup = () =>
      page.evaluate(() => (globalThis as unknown as { chrome: ChromeAction }).chrome.action.getPopup({}));
    let ourPopup = await toolbarPopup();
    for (let i = 0; i < 50 && !ourPopup.includes('?'); i++) {
      await page.waitForTimeout(100);
      ourPopup = await toolbarPopup();
    }
    if (!ourPopup.includes('?'))
      throw new Error(`The toolbar popup never named the signed-in user: ${ourPopup}`);
    const clearCache = () =>
      page.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: ChromeStorage }).chrome;
        const keys = Object.keys(await api.storage.local.get(null)).filter((key) =>
          /^(cache|avatar):/.test(key),
        );
        await api.storage.local.remove(keys);
      });

    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 640 });
    const timings = { oursWarm: [] as PopupLoad[], oursCold: [] as PopupLoad[], floor: [] as PopupLoad[] };
    await loadPopup(popup, ourPopup); // warms the cache
    for (let i = 0; i < RUNS; i++) {
      timings.floor.push(await loadPopup(popup, `${floorOrigin}/popup.html`, false));
      timings.oursWarm.push(await loadPopup(popup, ourPopup));
      await clearCache();
      timings.oursCold.push(await loadPopup(popup, ourPopup));
      await loadPopup(popup, ourPopup); // leaves the cache warm again
    }

    // Requests: a warm open, and a save. Requests the last run's page started have landed first.
    await popup.waitForTimeout(1500);
    const log = async () =>
      (await (await fetch(`${simulator.origin}/__sim/log`)).json()) as {
        method: string;
        path: string;
        at: number;
      }[];
    await fetch(`${simulator.origin}/__sim/log`, { method: 'DELETE' });
    await popup.goto(ourPopup);
    await popup.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, PAINT_MARK);
    const paintedAt = await popup.evaluate(markWallTime, PAINT_MARK);
    await popup.waitForTimeout(1500);
    const openRequests = await log();
    await fetch(`${simulator.origin}/__sim/log`, { method: 'DELETE' });
    await popup.fill('#description', `Benchmarked ${Date.now()}`);
    await popup.click('button[type=submit]');
    await popup.waitForSelector('.banner-info');
    const saveRequests = (await log()).filter((request) => request.path.endsWith('/info'));

    // The page script: a user page with and without the extension, alternating.
    const plain = await chromium.launch({ executablePath: chromiumPath() });
    const bare = await plain.newPage();
    const withExtension = await context.newPage();
    const pageLoad = async (target: Page): Promise<PageLoad> => {
      const cdp = await target.context().newCDPSession(target);
      await cdp.send('Performance.enable');
      await target.goto(`${simulator.origin}/users/7`);
      await target.waitForLoadState('load');
      await target.waitForTimeout(300);
      const metrics = Object.fromEntries(
        (await cdp.send('Performance.getMetrics')).metrics.map((metric) => [metric.name, metric.value]),
      );
      const layout = await target.evaluate(
        () =>
          new Promise<{ shift: number; longTasks: number }>((resolve) => {
            let shift = 0;
            let longTasks = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries()) shift += (entry as unknown as { value: number }).value;
            }).observe({ type: 'layout-shift', buffered: true });
            new PerformanceObserver((list) => {
              longTasks += list.getEntries().length;
            }).observe({ type: 'longtask', buffered: true });
            setTimeout(() => resolve({ shift, longTasks }), 100);
          }),
      );
      await cdp.detach();
      return { scriptMs: (metrics.ScriptDuration ?? 0) * 1000, ...layout };
    };
    const loads = { with: [] as PageLoad[], without: [] as PageLoad[] };
    for (let i = 0; i < RUNS; i++) {
      loads.without.push(await pageLoad(bare));
      loads.with.push(await pageLoad(withExtension));
    }
    await plain.close();
    return { timings, openRequests, paintedAt, saveRequests, loads };
  } finally {
    await context.close();
    await simulator.close();
  }
}

// ---- report -----------------------------------------------------------------------------------

rmSync(path.join(OUT, 'analysis'), { recursive: true, force: true }); // no stats left from older builds
run('npx', ['wxt', 'build', '--analyze'], { NODE_ENV: 'production' });
const chromeDir = path.join(OUT, 'chrome-mv3');
const entries = {
  popup: scriptsOf(chromeDir, 'popup.html'),
  sidePanel: scriptsOf(chromeDir, 'sidepanel.html'),
  options: scriptsOf(chromeDir, 'options.html'),
  background: ['background.js'],
  contentScript: ['instance-page.js'],
};
const sizes = Object.fromEntries(
  Object.entries(entries).map(([name, files]) => {
    const kb = gzipKb(chromeDir, files);
    const budget = BUDGETS_KB[name as keyof typeof BUDGETS_KB] as number | undefined;
    const missed = budget !== undefined && kb > budget;
    return [
      name,
      // Two decimals, so a size just over its budget never prints as equal to it.
      { kb: round(kb, 2), budgetKb: budget ?? null, missed, bundles: missed ? contents(files) : [] },
    ];
  }),
);
const deferred = Object.fromEntries(
  Object.entries(deferredChunksOf(chromeDir, 'popup.html')).map(([name, file]) => [
    name,
    round(gzipKb(chromeDir, [file]), 2),
  ]),
);
const floorDir = buildFloor();
const floorPopupKb = round(gzipKb(floorDir, scriptsOf(floorDir, 'popup.html')), 2);
run('npx', ['wxt', 'build', '--mode', 'e2e'], { NODE_ENV: 'production' });
const measured = await measureInBrowser(floorDir);

const paintTimes = (loads: PopupLoad[]) => loads.map((load) => load.painted);
const floorMs = median(paintTimes(measured.timings.floor));
const warmMs = median(paintTimes(measured.timings.oursWarm));
const bioEditableMs = median(measured.timings.oursWarm.map((load) => load.bioEditable));
const coldMs = median(paintTimes(measured.timings.oursCold));
const spreadToFloor = (loads: PopupLoad[]) =>
  ratioSpread(paintTimes(loads), paintTimes(measured.timings.floor));
// Where a warm open spends its time: scripts, then storage, then render and the next frame.
const warmAnatomy = {
  scriptsEvaluatedMs: round(median(measured.timings.oursWarm.map((load) => load.scriptsEvaluated))),
  storageReadMs: round(
    median(measured.timings.oursWarm.map((load) => load.storageRead - load.scriptsEvaluated)),
  ),
  renderToPaintMs: round(median(measured.timings.oursWarm.map((load) => load.painted - load.storageRead))),
};
const beforePaint = measured.openRequests.filter((request) => request.at < measured.paintedAt).length;
const contentScript = {
  scriptMsWith: round(median(measured.loads.with.map((l) => l.scriptMs))),
  scriptMsWithout: round(median(measured.loads.without.map((l) => l.scriptMs))),
  longTasksWith: median(measured.loads.with.map((l) => l.longTasks)),
  longTasksWithout: median(measured.loads.without.map((l) => l.longTasks)),
  layoutShiftWith: round(median(measured.loads.with.map((l) => l.shift)), 4),
  layoutShiftWithout: round(median(measured.loads.without.map((l) => l.shift)), 4),
};
const report = {
  runs: RUNS,
  sizes,
  /** Fetched by the popup after its first paint. */
  deferredKb: deferred,
  floor: { popupKb: floorPopupKb, paintMs: round(floorMs) },
  popup: {
    warm: {
      ms: round(warmMs),
      // Three decimals: a ratio just over the goal would otherwise print as the goal, and missed.
      ratio: round(warmMs / floorMs, 3),
      ratioSpread: spreadToFloor(measured.timings.oursWarm),
      goal: PAINT_RATIO_GOAL,
      missed: warmMs / floorMs > PAINT_RATIO_GOAL,
      bioEditableMs: round(bioEditableMs),
      ...warmAnatomy,
    },
    cold: {
      ms: round(coldMs),
      ratio: round(coldMs / floorMs, 2),
      ratioSpread: spreadToFloor(measured.timings.oursCold),
    },
  },
  contentScript,
  requests: {
    warmOpenBeforePaint: beforePaint,
    warmOpenTotal: measured.openRequests.length,
    save: {
      get: measured.saveRequests.filter((r) => r.method === 'GET').length,
      put: measured.saveRequests.filter((r) => r.method === 'PUT').length,
    },
  },
};
writeFileSync(path.join(OUT, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);

const mark = (missed: boolean) => (missed ? 'MISSED' : 'met');
console.log('\nProfile Quick Edit — benchmark (Chromium, medians of', RUNS, 'alternating runs)\n');
console.log('Sizes, gzip:');
for (const [name, size] of Object.entries(sizes)) {
  const budget = size.budgetKb === null ? '' : ` (budget ${size.budgetKb} kB: ${mark(size.missed)})`;
  console.log(`  ${name.padEnd(14)} ${String(size.kb).padStart(6)} kB${budget}`);
  if (size.bundles.length) console.log(`  ${''.padEnd(14)} bundles: ${size.bundles.join(', ')}`);
}
console.log(`  ${'floor popup'.padEnd(14)} ${String(floorPopupKb).padStart(6)} kB`);
for (const [name, kb] of Object.entries(deferred)) {
  console.log(
    `  ${name.padEnd(14)} ${String(kb).padStart(6)} kB (the popup fetches it after its first paint)`,
  );
}
console.log('\nPopup, navigation start → profile fields painted:');
console.log(`  floor          ${round(floorMs)} ms`);
const spread = ([low, high]: [number, number]) => `${low}–${high}× in 90% of resamples`;
console.log(
  `  warm cache     ${round(warmMs)} ms = ${report.popup.warm.ratio}× floor (goal ≤ ${PAINT_RATIO_GOAL}×: ${mark(report.popup.warm.missed)}; ${spread(report.popup.warm.ratioSpread)})`,
);
console.log(
  `                 scripts evaluated at ${warmAnatomy.scriptsEvaluatedMs} ms, storage read +${warmAnatomy.storageReadMs} ms, render to paint +${warmAnatomy.renderToPaintMs} ms`,
);
console.log(
  `  bio editable   ${round(bioEditableMs)} ms (warm cache: navigation start → the rich editor takes typing)`,
);
console.log(
  `  cold cache     ${round(coldMs)} ms = ${report.popup.cold.ratio}× floor (simulator latency 0; ${spread(report.popup.cold.ratioSpread)})`,
);
console.log('\nInstance user page load, with / without the extension:');
console.log(`  script time    ${contentScript.scriptMsWith} ms / ${contentScript.scriptMsWithout} ms`);
console.log(`  long tasks     ${contentScript.longTasksWith} / ${contentScript.longTasksWithout}`);
console.log(`  layout shift   ${contentScript.layoutShiftWith} / ${contentScript.layoutShiftWithout}`);
console.log('\nRequests:');
console.log(
  `  warm popup open: ${beforePaint} before paint (goal 0: ${mark(beforePaint > 0)}), ${report.requests.warmOpenTotal} in all`,
);
console.log(`  save: ${report.requests.save.get} GET + ${report.requests.save.put} PUT (goal 1 + 1)`);
console.log('\nWritten to .output/bench.json');
