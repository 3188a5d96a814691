import { useEffect, useRef, useState } from 'preact/hooks';

/** Quiet time after the last keystroke before the draft goes to the panel's model. */
const HAND_OVER_MS = 400;

/**
 * The text as the agent types it, kept by the message box itself: a keystroke re-renders the
 * box, not the whole work area with its transcript (main-thread budget: 8 ms per keystroke).
 * The text is handed to the model after a pause, when focus leaves the box, before sending and
 * when the box goes away; a change made by the model (the draft cleared after Send) comes back in.
 */
export function useLocalDraft(draft: string, onDraft: (text: string) => void) {
  const [text, setText] = useState(draft);
  const latest = useRef(draft);
  const handedOver = useRef(draft);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const report = useRef(onDraft);
  report.current = onDraft;

  const flush = () => {
    clearTimeout(timer.current);
    if (latest.current === handedOver.current) return;
    handedOver.current = latest.current;
    report.current(latest.current);
  };

  useEffect(() => {
    if (draft === handedOver.current) return;
    handedOver.current = draft;
    latest.current = draft;
    setText(draft);
  }, [draft]);
  useEffect(() => flush, []);

  const change = (value: string) => {
    latest.current = value;
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, HAND_OVER_MS);
  };
  return { text, change, flush };
}
