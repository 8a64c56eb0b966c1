/**
 * The "Edit profile" button on instance pages. It lives in a closed shadow root (page styles
 * cannot reach in, page scripts cannot look in), only reacts to real clicks, and asks the
 * background to open the editor: it never builds editing UI inside the page.
 *
 * Pages it appears on (with the instance's default route patterns):
 * - /profile/personal-information      → the signed-in user
 * - /users/7, /admin/users/7           → user 7 (admins; others see why they cannot)
 * Not on /admin/users, /, or any other page.
 */

import { t } from '../shared/i18n.ts';
import type { ResultOf } from '../shared/messaging.ts';
import { type PageTarget, pageTarget } from '../shared/routes.ts';
import { onLocationChange } from './location.ts';

export type PageConfig = Extract<ResultOf<'cs:getPageConfig'>, { ok: true }>['value'];

export interface EditButtonDeps {
  config: PageConfig;
  /** False once the extension is gone (updated or reloaded): the button then removes itself. */
  extensionAlive(): boolean;
  openEditor(target: Exclude<PageTarget, null>): Promise<{ ok: boolean; message?: string }>;
}

/**
 * The button's host is a plain element marked by this attribute, not a custom element: a page
 * that defined a custom element of that name before this script ran would have it upgraded, and
 * could then reach into the closed shadow root through its ElementInternals.
 */
const HOST_ATTRIBUTE = 'data-profile-quick-edit';

const STYLE = `
:host { all: initial !important; position: fixed !important; right: 20px !important; bottom: 20px !important;
  z-index: 2147483647 !important; display: block !important; visibility: visible !important; opacity: 1 !important;
  pointer-events: auto !important; transform: none !important; }
button { all: initial; box-sizing: border-box; display: inline-flex; align-items: center; gap: 8px; cursor: pointer;
  font: 600 14px/1 system-ui, sans-serif; color: #fff; background: #4b3bc9; padding: 10px 16px; border-radius: 999px;
  box-shadow: 0 4px 14px rgba(0,0,0,.25); }
button:hover { background: #3c2eb0; }
button:focus-visible { outline: 3px solid #ffd666; outline-offset: 2px; }
button[aria-disabled="true"] { background: #77748a; cursor: not-allowed; }
p { all: initial; display: block; margin-top: 6px; max-width: 260px; font: 12px/1.3 system-ui, sans-serif; color: #1d1b26;
  background: #fff; padding: 6px 8px; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.2); }
p:empty { display: none; }
`;

/**
 * Whether a click on `button` was on the button as a person sees it: nothing laid over it, not
 * made transparent. Where the browser can tell (IntersectionObserver's visibility tracking,
 * Chromium), that is its answer; elsewhere the button must at least be what is under the pointer.
 */
function watchVisibility(button: HTMLElement, signal: AbortSignal): (click: MouseEvent) => boolean {
  const host = () => (button.getRootNode() as ShadowRoot).host;
  const underPointer = (click: MouseEvent) =>
    click.detail === 0 || document.elementFromPoint(click.clientX, click.clientY) === host();
  if (!('isVisible' in IntersectionObserverEntry.prototype)) return underPointer;
  let isVisible = false;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries)
        isVisible = (entry as IntersectionObserverEntry & { isVisible: boolean }).isVisible;
    },
    { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  observer.observe(button);
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  return (click) => isVisible && underPointer(click);
}

function isOtherUser(target: PageTarget, config: PageConfig): boolean {
  return target !== null && 'userId' in target && target.userId !== config.signedInUserId;
}

export function startEditButton(deps: EditButtonDeps): AbortController {
  const controller = new AbortController();
  const { signal } = controller;
  // Buttons of an earlier run of the extension (before an update or reload) give way.
  for (const stale of document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)) stale.remove();
  const host = document.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, '');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = t('pageButton');
  const note = document.createElement('p');
  note.setAttribute('role', 'status');
  shadow.append(style, button, note);
  let target: PageTarget = null;
  /** The address the button was last set up for: the page must not change it under a press. */
  let shownFor = location.href;
  /** Where a person pressed the button, when the page still showed what the button was set up for. */
  let pressedOn: string | null = null;
  const visible = watchVisibility(button, signal);

  button.addEventListener(
    'pointerdown',
    (event) => {
      pressedOn = event.isTrusted && location.href === shownFor ? location.href : null;
    },
    { signal },
  );
  button.addEventListener(
    'click',
    async (event) => {
      // Page scripts can dispatch clicks; only a person's click counts.
      if (!event.isTrusted || target === null || button.getAttribute('aria-disabled') === 'true') return;
      if (!deps.extensionAlive()) return controller.abort();
      // A pointer's click (detail > 0) must follow a press on this same page; keys press none.
      const pressed = pressedOn;
      pressedOn = null;
      const moved = location.href !== shownFor || (event.detail > 0 && pressed !== location.href);
      if (moved || !visible(event)) {
        note.textContent = t(moved ? 'pageButtonMoved' : 'pageButtonCovered');
        return;
      }
      note.textContent = '';
      const result = await deps.openEditor(target);
      if (!result.ok) note.textContent = result.message ?? t('pageButtonFailed');
    },
    { signal },
  );

  function render() {
    if (!deps.extensionAlive()) return controller.abort();
    shownFor = location.href;
    target = pageTarget(location.pathname, deps.config.routePatterns);
    if (target === null) {
      host.remove();
      return;
    }
    const blocked = isOtherUser(target, deps.config) && deps.config.canEditOthers === false;
    button.setAttribute('aria-disabled', String(blocked));
    button.title = blocked ? '' : t('pageButtonTitle');
    note.textContent = blocked ? t('pageButtonBlocked') : '';
    if (!host.isConnected) document.documentElement.append(host);
  }

  signal.addEventListener('abort', () => host.remove(), { once: true });
  render();
  onLocationChange(signal, render);
  return controller;
}
