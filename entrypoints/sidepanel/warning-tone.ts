/**
 * A short two-note chime (Web Audio, no sound file): a session is about to end for inactivity.
 * One AudioContext for the panel's life; browsers start it suspended until the agent has
 * interacted with the panel, which they have by then (signed in, accepted).
 */
let context: AudioContext | undefined;

export function playWarningTone(): void {
  try {
    context ??= new AudioContext();
    void context.resume().catch(() => undefined);
    const start = context.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.22, 660],
    ] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.2);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.21);
    }
  } catch (error) {
    // No audio device or no Web Audio: the visible warning remains.
    console.warn('Texto: cannot play the session warning tone:', error);
  }
}
