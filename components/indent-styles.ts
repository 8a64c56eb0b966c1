/**
 * The bio's indentation, as the instance's editor classes give it (`ql-indent-1` … `-8`): 3em a
 * level; in the editor a list item also keeps 1.5em for its marker. Added once to a page that
 * shows a formatted bio, from the levels the bio has rather than from eight hand-written rules.
 */
import { MAX_INDENT } from '@/utils/shared/profile/bio';

let added = false;

export function addIndentStyles(): void {
  if (added) return;
  added = true;
  const rules = Array.from({ length: MAX_INDENT }, (_, index) => {
    const level = index + 1;
    return [
      `.bio-view .ql-indent-${level}, .ql-editor .ql-indent-${level} { padding-left: ${level * 3}em; }`,
      `.bio-view li.ql-indent-${level} { padding-left: 0; margin-left: ${level * 3}em; }`,
      `.ql-editor li.ql-indent-${level} { padding-left: ${level * 3 + 1.5}em; }`,
    ].join('\n');
  });
  const style = document.createElement('style');
  style.textContent = rules.join('\n');
  document.head.append(style);
}
