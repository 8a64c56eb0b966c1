import { render } from 'preact';
import { useState } from 'preact/hooks';
import { Editor } from '@/components/Editor';
import type { EditorTarget } from '@/components/useEditor';
import '@/assets/base.css';
import { localisePage } from '@/utils/page-language';

/** `?origin=…&user=…` opens a given user (editor windows, "Open user…"); else the signed-in user. */
function targetFromUrl(): EditorTarget | null {
  const params = new URLSearchParams(location.search);
  const userId = Number(params.get('user'));
  const origin = params.get('origin');
  return origin && Number.isInteger(userId) && userId > 0 ? { origin, userId } : null;
}

function Popup() {
  const [target, setTarget] = useState(targetFromUrl);
  return (
    <Editor
      key={target ? `${target.origin}:${target.userId}` : 'signed-in'}
      target={target}
      onOpenUser={setTarget}
    />
  );
}

localisePage('extName');
render(<Popup />, document.getElementById('app') as HTMLElement);
