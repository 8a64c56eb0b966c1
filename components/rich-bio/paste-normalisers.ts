/**
 * Quill's clean-up of pasted word-processor HTML, before its matchers read it: Google Docs'
 * wrapper as Quill does it, and Word's lists (paragraphs styled `mso-list`) turned into list
 * items. Quill's own Word clean-up builds the items in the live page and copies markup into them
 * through innerHTML, which would start loading a pasted image; this one moves the pasted nodes
 * within the inert document they were parsed into.
 */
import normaliseGoogleDocs from 'quill/modules/normalizeExternalHTML/normalizers/googleDocs.js';

const IGNORED = /\bmso-list:[^;]*ignore/i;
const LIST_ID = /\bmso-list:[^;]*\bl(\d+)/i;
const LEVEL = /\bmso-list:[^;]*\blevel(\d+)/i;

interface WordListItem {
  id: number;
  level: number;
  type: 'bullet' | 'ordered';
  element: Element;
}

/** Word declares each list's numbering in a stylesheet: `@list l0:level1 { mso-level-number-format: bullet }`. */
function listItem(element: Element, styles: string): WordListItem | null {
  const style = element.getAttribute('style') ?? '';
  const id = LIST_ID.exec(style)?.[1];
  if (id === undefined) return null;
  const level = Number(LEVEL.exec(style)?.[1] ?? 1);
  const format = new RegExp(
    `@list l${id}:level${level}\\s*\\{[^}]*mso-level-number-format:\\s*([\\w-]+)`,
    'i',
  );
  return {
    id: Number(id),
    level,
    type: format.exec(styles)?.[1] === 'bullet' ? 'bullet' : 'ordered',
    element,
  };
}

function normaliseWordLists(doc: Document) {
  if (doc.documentElement.getAttribute('xmlns:w') !== 'urn:schemas-microsoft-com:office:word') return;
  const styles = Array.from(doc.querySelectorAll('style'), (style) => style.textContent ?? '').join('\n');
  const items: WordListItem[] = [];
  for (const element of Array.from(doc.querySelectorAll('[style*=mso-list]'))) {
    // Each item's marker ("1.", "·") is a span of its own, ignored on paste.
    if (IGNORED.test(element.getAttribute('style') ?? '')) element.remove();
    else {
      const item = listItem(element, styles);
      if (item) items.push(item);
    }
  }
  while (items.length > 0) {
    const group = [items.shift() as WordListItem];
    // Neighbouring paragraphs of the same list form one list.
    while (
      items[0] &&
      items[0].id === group[0]?.id &&
      items[0].element === group.at(-1)?.element.nextElementSibling
    )
      group.push(items.shift() as WordListItem);
    const list = doc.createElement('ul');
    for (const { element, level, type } of group) {
      const li = doc.createElement('li');
      li.setAttribute('data-list', type);
      if (level > 1) li.setAttribute('class', `ql-indent-${level - 1}`);
      li.append(...Array.from(element.childNodes));
      list.append(li);
    }
    group[0]?.element.replaceWith(list);
    for (const { element } of group.slice(1)) element.remove();
  }
}

export default function normaliseExternalHtml(doc: Document) {
  if (!doc.documentElement) return;
  normaliseWordLists(doc);
  normaliseGoogleDocs(doc);
}
