'use client';

import { useEffect, useRef } from 'react';

/** A thin bar showing how far down the page the reader is; decorative, so hidden from assistive tech. */
export function ReadingProgress() {
  const bar = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const scrollable = document.documentElement.scrollHeight - window.innerHeight;
      const progress = scrollable > 0 ? Math.min(1, window.scrollY / scrollable) : 0;
      if (bar.current) bar.current.style.transform = `scaleX(${progress})`;
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    // No measuring at mount: hydration can run before the stylesheet arrives, and reading layout
    // then would lay out the unstyled page (a layout shift). A restored scroll position fires `scroll`.
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, []);

  return (
    <div className="reading-progress" aria-hidden="true">
      <div ref={bar} className="reading-progress-bar" />
    </div>
  );
}
