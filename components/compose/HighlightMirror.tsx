import type { Ref } from 'preact';
import { memo } from 'preact/compat';
import type { HighlightPiece } from './text-ranges';

interface Props {
  pieces: readonly HighlightPiece[];
  mirrorRef: Ref<HTMLDivElement>;
}

/**
 * The layer behind the transparent textarea: the same text, laid out with the same font,
 * padding and wrapping, but invisible, so that its underlines (misspellings) and backgrounds
 * (characters that force Unicode) sit exactly under the letters the agent sees. The textarea
 * stays a real textarea: native editing, undo, IME, copy and paste, screen readers.
 * Hidden from assistive technology: the same facts are said in words under the box.
 */
export const HighlightMirror = memo(function HighlightMirror({ pieces, mirrorRef }: Props) {
  return (
    <div class="message-mirror" aria-hidden="true" dir="auto" ref={mirrorRef}>
      {pieces.map((piece) =>
        piece.misspelledAt === undefined && !piece.unicode && !piece.unfilled ? (
          piece.text
        ) : (
          // No keys: typing shifts every offset, and by position Preact only updates the text in place.
          <span
            class={`${piece.misspelledAt === undefined ? '' : 'misspelled'}${piece.unicode ? ' unicode' : ''}${piece.unfilled ? ' unfilled' : ''}`}
            data-misspelling={piece.misspelledAt}
          >
            {piece.text}
          </span>
        ),
      )}
      {/* A final newline only takes room when something follows it. */}
      {'\u200b'}
    </div>
  );
});
