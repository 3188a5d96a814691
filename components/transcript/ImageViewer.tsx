import { useContext, useEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { MessageMedia } from '@/lib/protocol';
import { TranscriptContext } from './transcript-context';

interface Props {
  interactionId: string;
  media: MessageMedia;
  name: string;
  onClose: () => void;
}

/**
 * One MMS image full size, in the panel. A modal `<dialog>`: the rest of the panel is inert while
 * it is open (focus stays inside), Escape closes it, and focus goes back to the thumbnail.
 */
export function ImageViewer({ interactionId, media, name, onClose }: Props) {
  const services = useContext(TranscriptContext);
  const dialog = useRef<HTMLDialogElement>(null);
  const full = services.mediaUrl(interactionId, media.id, 'full');
  const saveUrl = services.canSave ? services.mediaUrl(interactionId, media.id, 'save') : undefined;
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  // Closing goes through the dialog itself (Escape's default, Close, or this): only once it is
  // closed is the rest of the panel no longer inert, so `onClose` can give focus back.
  const close = () => dialog.current?.close();
  return (
    <dialog
      class="image-viewer"
      ref={dialog}
      aria-label={name}
      onClose={onClose}
    >
      <div class="viewer-bar">
        <h3 class="viewer-title">{name}</h3>
        {saveUrl !== undefined && (
          <a class="button small" href={saveUrl} target="_blank" rel="noopener noreferrer">
            {t('mms_save')}
          </a>
        )}
        <button type="button" class="button small primary" onClick={close} autoFocus>
          {t('mms_close')}
        </button>
      </div>
      <div class="viewer-body">
        {full ? (
          <img src={full} alt={name} width={media.width} height={media.height} onError={() => services.mediaFailed(interactionId)} />
        ) : (
          <p>{t('mms_loading')}</p>
        )}
      </div>
    </dialog>
  );
}
