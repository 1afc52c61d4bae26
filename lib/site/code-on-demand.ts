import { useEffect, useState } from 'react';

/**
 * Code a page needs only once the reader wants it (a panel, the margin marks), loaded then and not
 * with the page. `preload` starts the request on a hint of intent; `useCode(wanted)` gives the module
 * once it is there, loading it when wanted — a plain module from then on, so that nothing flashes a
 * fallback as a React.lazy component does on its first render. `failed` while a wanted load has
 * failed (offline, or a deploy replaced the chunk); it is tried again when the browser is back
 * online, the code is wanted anew, or the reader asks for it (`ask`, a click: no pause then).
 */
const hintPause = 10_000;

export function codeOnDemand<Code>(load: () => Promise<Code>) {
  let request: Promise<Code> | undefined;
  let loaded: Code | undefined;
  /** When the last load failed: hints wait a while before asking again (a pointer hints every frame). */
  let failedAt = -Infinity;
  /** The hooks mounted: code that arrives by a hint or an ask reaches them without another render. */
  const arrivals = new Set<(code: Code) => void>();

  const fetchCode = (): Promise<Code> =>
    (request ??= load().then(
      (code) => {
        loaded = code;
        for (const arrived of arrivals) arrived(code);
        return code;
      },
      (error: unknown) => {
        request = undefined; // offline for a moment, or a deploy replaced the chunk: asked again later
        failedAt = performance.now();
        throw error;
      },
    ));

  /** Starts loading, once; harmless to call on every hint of intent. */
  const preload = (): void => {
    if (loaded || performance.now() - failedAt < hintPause) return;
    fetchCode().catch(() => {});
  };

  /** The reader asked for what needs it (a click): loads now, even within the pause after a failure. */
  const ask = (): void => {
    if (!loaded) fetchCode().catch(() => {});
  };

  function useCode(wanted: boolean): { code: Code | undefined; failed: boolean } {
    const [code, setCode] = useState(loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      const arrived = (module: Code) => setCode(() => module);
      arrivals.add(arrived);
      return () => void arrivals.delete(arrived);
    }, []);
    useEffect(() => {
      if (!wanted || code || failed) return;
      let current = true;
      fetchCode().then(
        (module) => current && setCode(() => module),
        () => current && setFailed(true),
      );
      return () => void (current = false);
    }, [wanted, code, failed]);
    // Wanted again (a panel closed and opened again) after a failure: asked again.
    useEffect(() => void (!wanted && setFailed(false)), [wanted]);
    useEffect(() => {
      if (!failed) return;
      const retry = () => setFailed(false);
      window.addEventListener('online', retry);
      return () => window.removeEventListener('online', retry);
    }, [failed]);
    // Loaded already (a hint came first): usable at once, without waiting for the effect.
    const there = code ?? loaded;
    return { code: there, failed: wanted && failed && !there };
  }

  return { preload, ask, useCode };
}
