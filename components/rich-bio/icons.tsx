/** The toolbar's icons, drawn after Quill's "snow" theme so the toolbar looks like the instance's. */

/** Each icon on an 18×18 grid: stroked paths, then filled shapes (dots, the play triangle). */
const DRAWINGS = {
  quote: {
    lines: 'M4 12c0-4 1-6 4-7M10 12c0-4 1-6 4-7',
    fills: 'M4 12a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0M10 12a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0',
  },
  numbered: { lines: 'M7 4h9M7 9h9M7 14h9M3 2.5v3M2.5 10h2L2.5 12.5h2', fills: '' },
  bulleted: {
    lines: 'M7 4h9M7 9h9M7 14h9',
    fills:
      'M2 4a1 1 0 1 0 2 0a1 1 0 1 0-2 0M2 9a1 1 0 1 0 2 0a1 1 0 1 0-2 0M2 14a1 1 0 1 0 2 0a1 1 0 1 0-2 0',
  },
  outdent: { lines: 'M3 4h12M9 9h6M3 14h12M6 7L3.5 9 6 11', fills: '' },
  indent: { lines: 'M3 4h12M9 9h6M3 14h12M3.5 7L6 9 3.5 11', fills: '' },
  link: {
    lines: 'M7.5 10.5l3-3M8 5.5l1.5-1.5a2.8 2.8 0 0 1 4 4L12 9.5M10 12.5L8.5 14a2.8 2.8 0 0 1-4-4L6 8.5',
    fills: '',
  },
  video: {
    lines:
      'M4 3.5h10a1.5 1.5 0 0 1 1.5 1.5v8a1.5 1.5 0 0 1-1.5 1.5H4A1.5 1.5 0 0 1 2.5 13V5A1.5 1.5 0 0 1 4 3.5z',
    fills: 'M7.5 6.5v5l4-2.5z',
  },
  clean: { lines: 'M4 4h9M8.5 4l-2 10M11 11l4 4M15 11l-4 4', fills: '' },
};

export type IconName = keyof typeof DRAWINGS;

export function Icon({ name }: { name: IconName }) {
  const { lines, fills } = DRAWINGS[name];
  return (
    <svg viewBox="0 0 18 18" width="18" height="18" aria-hidden="true">
      <path
        d={lines}
        fill="none"
        stroke="currentColor"
        stroke-width="1.6"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
      {fills && <path d={fills} fill="currentColor" />}
    </svg>
  );
}
