'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { modesFor, pickVoices, type Voices } from '@/lib/learning-ui/read-aloud-voices';
import { whenIdle } from '@/lib/site/when-idle';

// The player's own chunk, loaded when the reader first opens it.
const loadPlayer = () => import('./read-aloud-player').then((module) => module.default);
type Player = Awaited<ReturnType<typeof loadPlayer>>;

/** The device's voices, once it has said which it has (Chromium lists them after `voiceschanged`). */
function useVoices(): Voices | null | undefined {
  const [voices, setVoices] = useState<Voices | null>();
  useEffect(() => {
    let listening = false;
    // A new object only when the voices picked change: the player restarts its sentence on a new one.
    const read = () => {
      const picked = pickVoices(speechSynthesis.getVoices());
      const found = picked.zh || picked.en ? picked : null;
      setVoices((known) => (known !== undefined && voiceKey(known) === voiceKey(found) ? known : found));
    };
    const cancel = whenIdle(() => {
      if (typeof speechSynthesis === 'undefined') return setVoices(null);
      read();
      speechSynthesis.addEventListener?.('voiceschanged', read);
      listening = true;
    });
    return () => {
      cancel();
      if (listening) speechSynthesis.removeEventListener?.('voiceschanged', read);
    };
  }, []);
  return voices;
}

const voiceKey = (voices: Voices | null) =>
  voices ? `${voices.zh?.voiceURI ?? voices.zh?.name}|${voices.en?.voiceURI ?? voices.en?.name}` : '';

/**
 * "Read aloud" in the reader bar (issue 17): opens the player, which reads the article sentence by
 * sentence in Chinese, English, or each Chinese sentence then its English. The button is there from
 * the first paint, whatever the device: removing it once the voices are known would move the reader
 * bar under the reader's eyes. Where the device has no Chinese or English voice it is marked
 * unavailable, and pressing it says why in one line.
 */
export function ReadAloudControl() {
  const t = useTranslations('ReadAloud');
  const voices = useVoices();
  const [Player, setPlayer] = useState<Player | null>(null);
  const [open, setOpen] = useState(false);
  const [why, setWhy] = useState(false);
  const unavailable = voices === null;
  return (
    <span className="read-aloud-slot">
      <button
        type="button"
        className="lookup-toggle"
        aria-pressed={unavailable ? undefined : open}
        aria-disabled={unavailable || undefined}
        aria-describedby={unavailable ? 'read-aloud-why' : undefined}
        onClick={() => {
          if (unavailable) return setWhy(!why);
          if (!voices) return;
          if (!open) void loadPlayer().then((part) => setPlayer(() => part));
          setOpen(!open);
        }}
      >
        {t('open')}
      </button>
      {unavailable && (
        <span id="read-aloud-why" className="read-aloud-none" role="status" hidden={!why}>
          {t('noVoices')}
        </span>
      )}
      {open && voices && Player && <Player voices={voices} modes={modesFor(voices)} onClose={() => setOpen(false)} />}
    </span>
  );
}
