'use client';
/** A horizontally scrolling box for wide tables on narrow screens: keyboard-focusable and labelled, so it can be scrolled without a mouse. */
import type { ReactNode } from 'react';

export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable so keyboard users can scroll it (WCAG 2.1.1, axe scrollable-region-focusable)
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
