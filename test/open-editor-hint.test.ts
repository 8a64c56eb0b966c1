import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openEditorHint } from '@/utils/pages/open-editor-hint';

const { commands } = fakeBrowser;
const { getUserSettings } = fakeBrowser.action;

/** The browser's own answers, which the fake browser does not give. */
function browserWith(shortcut: string | undefined, isOnToolbar: boolean) {
  Object.assign(fakeBrowser, {
    commands: {
      getAll: async () => [
        { name: '_execute_action', shortcut },
        { name: 'other', shortcut: 'Alt+O' },
      ],
    },
  });
  fakeBrowser.action.getUserSettings = async () => ({ isOnToolbar });
}

afterEach(() => {
  Object.assign(fakeBrowser, { commands });
  fakeBrowser.action.getUserSettings = getUserSettings;
});

describe('what options says to do once an instance is connected', () => {
  it('names the shortcut the browser assigned, and the extensions menu while the button is not pinned', async () => {
    browserWith('Alt+Shift+P', false);
    expect(await openEditorHint()).toEqual([
      'Next: open the editor with the extension’s button in the toolbar, or press Alt+Shift+P.',
      'Until you pin it, the button waits in the browser’s extensions menu (the puzzle piece).',
    ]);
  });

  it('names no shortcut once the user has cleared it, and no menu once the button is pinned', async () => {
    browserWith('', true);
    expect(await openEditorHint()).toEqual([
      'Next: open the editor with the extension’s button in the toolbar.',
    ]);
  });

  it('points to the button alone where the browser has no shortcuts or toolbar setting (Firefox for Android)', async () => {
    Object.assign(fakeBrowser, { commands: undefined });
    Object.assign(fakeBrowser.action, { getUserSettings: undefined });
    expect(await openEditorHint()).toEqual([
      'Next: open the editor with the extension’s button in the toolbar.',
    ]);
  });
});
