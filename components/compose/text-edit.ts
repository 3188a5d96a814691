/**
 * Replaces `start`–`end` of the textarea with `text` as if the agent had typed it: through the
 * editing command, so that Ctrl+Z undoes it and an `input` event follows. `setRangeText` is the
 * fallback where the command is refused (it fires no input event, so one is sent).
 */
export function replaceInTextarea(textarea: HTMLTextAreaElement, start: number, end: number, text: string): void {
  textarea.focus();
  textarea.setSelectionRange(start, end);
  // execCommand is deprecated but is still the only way to edit a textarea through the undo stack.
  if (text !== '' && document.execCommand('insertText', false, text)) return;
  textarea.setRangeText(text, start, end, 'end');
  textarea.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
}

/** Selects `start`–`end` and brings it into view (the first misspelling, a placeholder). */
export function selectInTextarea(textarea: HTMLTextAreaElement, start: number, end: number): void {
  textarea.focus();
  textarea.setSelectionRange(start, end);
}
