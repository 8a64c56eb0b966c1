/**
 * The editor beside the page: it shows the user of the active tab when that is an instance
 * user page, the user the background asked for (button, menu), or else the signed-in user.
 * Unsaved changes are never switched away from silently.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/shared/i18n';
import { type EditorTarget, getEditorRequest, userForUrl, watchEditorRequest } from '@/utils/shared/storage';
import { Editor } from './Editor';

/** Requests older than this were for an earlier opening of the panel. */
const REQUEST_FRESH_MS = 10_000;

async function activeTabTarget(): Promise<EditorTarget | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url ? userForUrl(tab.url) : null;
}

async function freshRequest(): Promise<EditorTarget | null> {
  const request = await getEditorRequest();
  return request && Date.now() - request.at < REQUEST_FRESH_MS
    ? { origin: request.origin, userId: request.userId }
    : null;
}

const sameTarget = (a: EditorTarget | null, b: EditorTarget | null) =>
  a?.origin === b?.origin && a?.userId === b?.userId;

/** Who the panel showed before the page itself changed its address to another user. */
interface PageMove {
  from: EditorTarget;
  to: EditorTarget | null;
}

const label = (target: EditorTarget | null) => (target ? t('userNumber', target.userId) : t('signedInUser'));

export function SidePanel() {
  const [target, setTarget] = useState<EditorTarget | null | undefined>(undefined);
  const [pending, setPending] = useState<{ next: EditorTarget | null; byPage: boolean } | undefined>(
    undefined,
  );
  const [moved, setMoved] = useState<PageMove | null>(null);
  const dirty = useRef(false);
  const targetRef = useRef(target);
  targetRef.current = target;

  const show = useCallback((next: EditorTarget | null, byPage: boolean) => {
    const previous = targetRef.current;
    setPending(undefined);
    setTarget(next);
    setMoved(byPage && previous ? { from: previous, to: next } : null);
  }, []);

  /**
   * `byPage`: the shown tab changed its own address, which a page script can do at any time
   * (`history.pushState`), so the switch is said out loud, with the way back.
   */
  const follow = useCallback(
    (next: EditorTarget | null, byPage = false) => {
      if (targetRef.current !== undefined && sameTarget(targetRef.current, next)) return;
      if (dirty.current) setPending({ next, byPage });
      else show(next, byPage);
    },
    [show],
  );

  useEffect(() => {
    const fromTab = async (byPage: boolean) => follow(await activeTabTarget(), byPage);
    void (async () => follow((await freshRequest()) ?? (await activeTabTarget())))();
    const onActivated = () => void fromTab(false);
    const onUpdated = (_id: number, change: { url?: string }, tab: { active?: boolean }) => {
      if (change.url && tab.active) void fromTab(true);
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    const unwatch = watchEditorRequest((request) =>
      follow({ origin: request.origin, userId: request.userId }),
    );
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      unwatch();
    };
  }, [follow]);

  if (target === undefined) return null;
  return (
    <>
      {pending !== undefined && (
        <div class="banner banner-warning side-panel-switch" role="alert">
          <p>
            {pending.byPage
              ? t('panelPageMovedUnsaved', label(pending.next))
              : t('panelOtherTab', pending.next ? t('userNumber', pending.next.userId) : t('anotherPage'))}
          </p>
          <div class="banner-actions">
            <button type="button" onClick={() => show(pending.next, pending.byPage)}>
              {t('switch')}
            </button>
            <button type="button" onClick={() => setPending(undefined)}>
              {t('stay')}
            </button>
          </div>
        </div>
      )}
      {moved && (
        <div class="banner banner-info side-panel-switch" role="status">
          <p>{t('panelPageMoved', label(moved.to), label(moved.from))}</p>
          <div class="banner-actions">
            <button type="button" onClick={() => show(moved.from, false)}>
              {t('backTo', label(moved.from))}
            </button>
            <button type="button" onClick={() => setMoved(null)}>
              {t('dismiss')}
            </button>
          </div>
        </div>
      )}
      <Editor
        key={target ? `${target.origin}:${target.userId}` : 'signed-in'}
        target={target}
        onOpenUser={(next) => show(next, false)}
        onDirtyChange={(value) => {
          dirty.current = value;
        }}
      />
    </>
  );
}
