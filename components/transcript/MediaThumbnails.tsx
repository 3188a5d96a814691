import { useContext, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { MessageMedia } from '@/lib/protocol';
import { ImageMenu } from './ImageMenu';
import { mediaName, thumbnailBox } from './media-name';
import { TranscriptContext } from './transcript-context';

interface Props {
  interactionId: string;
  media: readonly MessageMedia[];
  onOpen: (media: MessageMedia, opener: HTMLElement) => void;
}

/** The images of one MMS message, as thumbnails the agent opens full size. */
export function MediaThumbnails({ interactionId, media, onOpen }: Props) {
  return (
    <ul class="mms-images">
      {media.map((file, i) => (
        <Thumbnail key={`${file.id}-${i}`} interactionId={interactionId} media={file} position={i + 1} onOpen={onOpen} />
      ))}
    </ul>
  );
}

function Thumbnail({ interactionId, media, position, onOpen }: { interactionId: string; media: MessageMedia; position: number; onOpen: Props['onOpen'] }) {
  const services = useContext(TranscriptContext);
  const [menuOpen, setMenuOpen] = useState(false);
  const thumb = useRef<HTMLButtonElement>(null);
  const options = useRef<HTMLButtonElement>(null);
  const name = mediaName(media, position);
  const url = services.mediaUrl(interactionId, media.id, 'thumb');
  const saveUrl = services.canSave ? services.mediaUrl(interactionId, media.id, 'save') : undefined;
  const box = thumbnailBox(media);
  const open = () => {
    setMenuOpen(false);
    if (thumb.current) onOpen(media, thumb.current);
  };
  const showMenu = () => setMenuOpen(true);

  return (
    <li class="mms-image">
      <figure>
        <button
          type="button"
          class="thumb"
          ref={thumb}
          style={{ width: `${box.width}px`, height: `${box.height}px` }}
          // Double-click opens; a keyboard activation (Enter, Space) arrives as a click with detail 0.
          onClick={(event) => {
            if (event.detail === 0) open();
          }}
          onDblClick={open}
          onContextMenu={(event) => {
            event.preventDefault();
            showMenu();
          }}
          onKeyDown={(event) => {
            if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
              event.preventDefault();
              showMenu();
            }
          }}
        >
          {url ? (
            <img src={url} alt={name} width={box.width} height={box.height} onError={() => services.mediaFailed(interactionId)} />
          ) : (
            <span class="thumb-placeholder">{t('mms_loading')}</span>
          )}
        </button>
        <figcaption>
          <span class="mms-name">{name}</span>
          <span class="mms-actions">
            <button
              type="button"
              class="button quiet small"
              ref={options}
              aria-haspopup="menu"
              aria-expanded={menuOpen}
              onClick={() => setMenuOpen(!menuOpen)}
            >
              {t('mms_options')}
            </button>
            {menuOpen && (
              <ImageMenu
                saveUrl={saveUrl}
                onOpen={open}
                onClose={(returnFocus) => {
                  setMenuOpen(false);
                  if (returnFocus) thumb.current?.focus();
                }}
              />
            )}
          </span>
        </figcaption>
      </figure>
    </li>
  );
}
