import { render } from 'preact';
import { useState } from 'preact/hooks';
import { Editor } from '@/components/Editor';
import '@/assets/base.css';
import { localisePage } from '@/utils/pages/page-language';
import { usersInAddress } from '@/utils/shared/popup-address';
import { readEditorStart } from '@/utils/shared/storage';

// `npm run bench` reports where the time before the first paint goes, from these marks.
performance.mark('popup-scripts-evaluated');
const { target: openedTarget, signedIn } = usersInAddress(location.search);
// Read before the first render, so the first frame already shows the cached profile (a read
// that fails leaves the editor to read, and report, by itself).
const opened = await readEditorStart(openedTarget, openedTarget ?? signedIn).catch(() => undefined);
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
