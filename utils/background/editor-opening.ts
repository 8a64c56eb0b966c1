/**
 * Opening the editor for a user, from an "Edit profile" click on an instance page. Browsers open
 * a side panel only while the click that asked is still "now", so the panel is started as the
 * message arrives, before it is routed and checked; the handler then shows the user in it, or in
 * a window when no panel opened.
 */
import { isOpenEditorRequest } from '../shared/messaging.ts';
import { openSidePanel, showEditor } from './open-editor.ts';

interface Sender {
  id?: string;
  tab?: { id?: number };
}

export function createEditorOpening(extensionId: string, open = openSidePanel, show = showEditor) {
  const panelsOpening = new Map<number, Promise<boolean>>();
  return {
    /** Call first for every incoming message: starts the panel for an open-editor request. */
    onMessage(message: unknown, sender: Sender): void {
      const tabId = sender.tab?.id;
      if (tabId !== undefined && sender.id === extensionId && isOpenEditorRequest(message)) {
        panelsOpening.set(tabId, open(tabId));
      }
    },
    /** Shows `userId` next to tab `tabId`, in the panel started for it if there is one. */
    openEditor(origin: string, userId: number, tabId?: number): Promise<void> {
      const panel = (tabId !== undefined && panelsOpening.get(tabId)) || open(tabId);
      if (tabId !== undefined) panelsOpening.delete(tabId);
      return show(origin, userId, panel);
    },
  };
}
