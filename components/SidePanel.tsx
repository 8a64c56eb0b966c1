/**
 * The editor beside the page: it shows the user of the active tab when that is an instance
 * user page, the user the background asked for (button, menu), or else the signed-in user.
 * Unsaved changes are never switched away from silently.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { EDITOR_REQUEST_KEY, type EditorRequest } from '@/utils/open-editor';
import { pageTarget } from '@/utils/routes';
import { type EditorTarget, getInstance } from '@/utils/storage';
import { Editor } from './Editor';

/** Requests older than this were for an earlier opening of the panel. */
const REQUEST_FRESH_MS = 10_000;

async function activeTabTarget(): Promise<EditorTarget | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.url) return null;
  let url: URL;
  try {
    url = new URL(tab.url);
  } catch {
    return null;
  }
  const instance = await getInstance(url.origin);
  const target = instance && pageTarget(url.pathname, instance.routePatterns);
  if (!instance || !target) return null;
  const userId = 'self' in target ? instance.userId : target.userId;
  return userId === null ? null : { origin: instance.origin, userId };
}

async function freshRequest(): Promise<EditorTarget | null> {
  const stored = (await browser.storage.session.get(EDITOR_REQUEST_KEY))[EDITOR_REQUEST_KEY] as
    | EditorRequest
    | undefined;
  return stored && Date.now() - stored.at < REQUEST_FRESH_MS
    ? { origin: stored.origin, userId: stored.userId }
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
    const onRequest = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const request = changes[EDITOR_REQUEST_KEY]?.newValue as EditorRequest | undefined;
      if (area === 'session' && request) follow({ origin: request.origin, userId: request.userId });
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.storage.onChanged.addListener(onRequest);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.storage.onChanged.removeListener(onRequest);
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
