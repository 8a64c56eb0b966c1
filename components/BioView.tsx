/**
 * A bio shown formatted, read-only, as the instance shows it: built as elements from the parsed
 * lines (never from server markup), with videos as a note naming their address, never loaded.
 */
import { type ComponentChildren, h } from 'preact';
import { t } from '@/utils/shared/i18n';
import {
  type BioLine,
  blocksOf,
  INLINE_TAGS,
  lineTag,
  nestRuns,
  type TextLine,
} from '@/utils/shared/profile/bio';
import { addIndentStyles } from './indent-styles';

addIndentStyles();

function inline(line: TextLine): ComponentChildren {
  if (line.runs.length === 0) return <br />;
  return nestRuns<ComponentChildren>(
    line.runs,
    (key, value, children) =>
      key === 'link' ? (
        <a href={value} target="_blank" rel="noopener noreferrer">
          {children}
        </a>
      ) : (
        h(INLINE_TAGS[key], null, children)
      ),
    (text) => text,
  );
}

function indentClass(line: TextLine): string | undefined {
  return line.formats.indent ? `ql-indent-${line.formats.indent}` : undefined;
}

export function VideoNote({ url }: { url: string }) {
  return <span class="bio-video-label">{t('bioVideo', url)}</span>;
}

export function BioView({ lines, class: className }: { lines: BioLine[]; class?: string }) {
  return (
    <div class={`bio-view ${className ?? ''}`}>
      {blocksOf(lines).map((block, index) => {
        if (block.kind === 'video')
          return (
            <div key={index} class="bio-video">
              <VideoNote url={block.url} />
            </div>
          );
        if (block.kind === 'text')
          return h(lineTag(block), { key: index, class: indentClass(block) }, inline(block));
        return h(
          block.list === 'ordered' ? 'ol' : 'ul',
          { key: index },
          block.items.map((item, itemIndex) => (
            <li key={itemIndex} class={indentClass(item)}>
              {inline(item)}
            </li>
          )),
        );
      })}
    </div>
  );
}
