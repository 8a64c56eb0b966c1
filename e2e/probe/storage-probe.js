// Built into the e2e variant only (wxt.config.ts): a content script of the extension itself, on
// the simulator's pages, reading every storage area as any content script could — what a page
// that took over its renderer could read through it. It writes what it read into the page.
(async () => {
  if (!new URLSearchParams(location.search).has('probe-storage')) return;
  const api = globalThis.browser ?? globalThis.chrome;
  const read = async (name) => {
    try {
      return JSON.stringify(await api.storage[name].get(null));
    } catch (error) {
      return `refused: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
  const report = document.createElement('pre');
  report.id = 'storage-probe';
  report.hidden = true;
  report.textContent = JSON.stringify({ local: await read('local'), session: await read('session') });
  document.documentElement.append(report);
})();
