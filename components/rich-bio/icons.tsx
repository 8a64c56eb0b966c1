/** The toolbar's icons, drawn after Quill's "snow" theme so the toolbar looks like the instance's. */
import type { ComponentChildren } from 'preact';

function Icon({ children }: { children: ComponentChildren }) {
  return (
    <svg
      viewBox="0 0 18 18"
      width="18"
      height="18"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      stroke-width="1.6"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {children}
    </svg>
  );
}

export const ICONS = {
  quote: (
    <Icon>
      <path d="M4 12c0-4 1-6 4-7M10 12c0-4 1-6 4-7" />
      <circle cx="5.5" cy="12" r="1.5" fill="currentColor" />
      <circle cx="11.5" cy="12" r="1.5" fill="currentColor" />
    </Icon>
  ),
  numbered: (
    <Icon>
      <path d="M7 4h9M7 9h9M7 14h9M3 2.5v3M2.5 10h2L2.5 12.5h2" />
    </Icon>
  ),
  bulleted: (
    <Icon>
      <path d="M7 4h9M7 9h9M7 14h9" />
      <circle cx="3" cy="4" r="1" fill="currentColor" />
      <circle cx="3" cy="9" r="1" fill="currentColor" />
      <circle cx="3" cy="14" r="1" fill="currentColor" />
    </Icon>
  ),
  outdent: (
    <Icon>
      <path d="M3 4h12M9 9h6M3 14h12M6 7L3.5 9 6 11" />
    </Icon>
  ),
  indent: (
    <Icon>
      <path d="M3 4h12M9 9h6M3 14h12M3.5 7L6 9 3.5 11" />
    </Icon>
  ),
  link: (
    <Icon>
      <path d="M7.5 10.5l3-3M8 5.5l1.5-1.5a2.8 2.8 0 0 1 4 4L12 9.5M10 12.5L8.5 14a2.8 2.8 0 0 1-4-4L6 8.5" />
    </Icon>
  ),
  video: (
    <Icon>
      <rect x="2.5" y="3.5" width="13" height="11" rx="1.5" />
      <path d="M7.5 6.5v5l4-2.5z" fill="currentColor" />
    </Icon>
  ),
  clean: (
    <Icon>
      <path d="M4 4h9M8.5 4l-2 10M11 11l4 4M15 11l-4 4" />
    </Icon>
  ),
};
