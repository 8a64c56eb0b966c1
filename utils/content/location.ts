/**
 * Single-page apps change the address with `history.pushState`, which a content script (in its
 * own world) cannot hook. Every such navigation re-renders the page, so DOM mutations and
 * `popstate` are the cue to compare the address.
 */
export function onLocationChange(signal: AbortSignal, callback: () => void): void {
  let last = location.href;
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    callback();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true });
  addEventListener('popstate', check, { signal });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
