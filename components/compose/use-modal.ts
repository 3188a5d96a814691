import { useEffect, useRef } from 'preact/hooks';

/**
 * A <dialog> shown modal while mounted: the browser traps focus inside, makes the rest of the
 * panel inert, and turns Escape into a `cancel` event.
 */
export function useModal(onCancel: () => void) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef(onCancel);
  cancel.current = onCancel;
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const onCancelEvent = (event: Event) => {
      // Closed here rather than by the browser, so that the caller's focus move happens after.
      event.preventDefault();
      element.close();
      cancel.current();
    };
    element.addEventListener('cancel', onCancelEvent);
    if (!element.open) element.showModal();
    return () => {
      element.removeEventListener('cancel', onCancelEvent);
      if (element.open) element.close();
    };
  }, []);
  /** Closes the dialog now (before the caller moves focus back into the inert page), then runs `then`. */
  const closeThen = (then: () => void) => {
    if (dialog.current?.open) dialog.current.close();
    then();
  };
  return { dialog, closeThen };
}
