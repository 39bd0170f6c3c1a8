'use client';
/** A horizontally scrolling box for wide tables on narrow screens: keyboard-focusable and labelled, so it can be scrolled without a mouse. */
import type { ReactNode } from 'react';

export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
