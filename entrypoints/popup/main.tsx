import { render } from 'preact';
import { useState } from 'preact/hooks';
import { Editor } from '@/components/Editor';
import type { EditorTarget } from '@/components/useEditor';
import '@/assets/base.css';
import { localisePage } from '@/utils/page-language';
import { readEditorStart } from '@/utils/storage';

/** `?origin=…&user=…` opens a given user (editor windows, "Open user…"); else the signed-in user. */
function targetFromUrl(): EditorTarget | null {
  const params = new URLSearchParams(location.search);
  const userId = Number(params.get('user'));
  const origin = params.get('origin');
  return origin && Number.isInteger(userId) && userId > 0 ? { origin, userId } : null;
}

// `npm run bench` reports where the time before the first paint goes, from these marks.
performance.mark('popup-scripts-evaluated');
const openedTarget = targetFromUrl();
// Read before the first render, so the first frame already shows the cached profile (a read
// that fails leaves the editor to read, and report, by itself).
const opened = await readEditorStart(openedTarget).catch(() => undefined);
performance.mark('popup-storage-read');

function Popup() {
  const [target, setTarget] = useState(openedTarget);
  return (
    <Editor
      key={target ? `${target.origin}:${target.userId}` : 'signed-in'}
      target={target}
      opened={target === openedTarget ? opened : undefined}
      onOpenUser={setTarget}
    />
  );
}

localisePage('extName');
render(<Popup />, document.getElementById('app') as HTMLElement);
