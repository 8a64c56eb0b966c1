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

export function SidePanel() {
  const [target, setTarget] = useState<EditorTarget | null | undefined>(undefined);
  const [pending, setPending] = useState<EditorTarget | null | undefined>(undefined);
  const dirty = useRef(false);
  const targetRef = useRef(target);
  targetRef.current = target;

  const follow = useCallback((next: EditorTarget | null) => {
    if (targetRef.current !== undefined && sameTarget(targetRef.current, next)) return;
    if (dirty.current) setPending(next);
    else {
      setPending(undefined);
      setTarget(next);
    }
  }, []);

  useEffect(() => {
    const fromTab = async () => follow(await activeTabTarget());
    void (async () => follow((await freshRequest()) ?? (await activeTabTarget())))();
    const onActivated = () => void fromTab();
    const onUpdated = (_id: number, change: { url?: string }, tab: { active?: boolean }) => {
      if (change.url && tab.active) void fromTab();
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
          <p>{t('panelOtherTab', pending ? t('userNumber', pending.userId) : t('anotherPage'))}</p>
          <div class="banner-actions">
            <button
              type="button"
              onClick={() => {
                setTarget(pending);
                setPending(undefined);
              }}
            >
              {t('switch')}
            </button>
            <button type="button" onClick={() => setPending(undefined)}>
              {t('stay')}
            </button>
          </div>
        </div>
      )}
      <Editor
        key={target ? `${target.origin}:${target.userId}` : 'signed-in'}
        target={target}
        onOpenUser={setTarget}
        onDirtyChange={(value) => {
          dirty.current = value;
        }}
      />
    </>
  );
}
