import { useMemo } from 'preact/hooks';
import type { EmailEntity, Entity, PhoneEntity, UrlEntity } from '../../lib/entities/types';
import { splitMessage } from '../../lib/entities/parts';
import { t } from '../../lib/i18n/t';
import { revealInvisible, revealOverrides } from '../../lib/links/bidi';
import { describeLink } from '../../lib/links/display';
import { describeEmail } from '../../lib/links/email';
import type { LinkSegment, LinkWarning } from '../../lib/links/types';
import { LinkTooltip } from './LinkTooltip';
import { warningText } from './link-warnings';

export interface MessageTextProps {
  /** The message as the customer (or agent) wrote it: data, rendered only as text nodes. */
  text: string;
  /** Its entities, computed once (`detectEntities`, `createEntityCache`), never per render. */
  entities: readonly Entity[];
  /** A phone number was activated: the panel records the activity and opens the dialer target. */
  onDial: (e164: string) => void;
  /** An email address was activated (domain in ASCII form): same, with the email target. */
  onEmail: (address: string) => void;
  /**
   * A preview (offer card, history, a colleague's transcript): addresses are shown exactly as in
   * the transcript, real host and warnings included, but nothing opens, calls or writes.
   */
  readOnly?: boolean;
}

/**
 * The text of one transcript message with its links, phone numbers and email addresses.
 * Web links open in a new tab and show their real address; phone numbers and email addresses
 * are buttons handing the value to the panel. Plain text keeps embeddings and marks that
 * right-to-left writing needs but shows explicit overrides (`⟪U+202E⟫`).
 */
export function MessageText({ text, entities, onDial, onEmail, readOnly = false }: MessageTextProps) {
  const parts = useMemo(() => splitMessage(text, entities), [text, entities]);
  return (
    <bdi class="message-text">
      {parts.map((part) =>
        part.kind === 'text' ? (
          revealOverrides(part.text)
        ) : (
          <EntityView key={part.entity.start} entity={part.entity} onDial={onDial} onEmail={onEmail} readOnly={readOnly} />
        ),
      )}
    </bdi>
  );
}

type Handlers = Pick<MessageTextProps, 'onDial' | 'onEmail'>;

function EntityView({ entity, onDial, onEmail, readOnly }: { entity: Entity; readOnly: boolean } & Handlers) {
  if (readOnly) return <ReadOnlyView entity={entity} />;
  switch (entity.kind) {
    case 'url':
      return <UrlView entity={entity} />;
    case 'email':
      return <EmailView entity={entity} onEmail={onEmail} />;
    case 'phone':
      return <PhoneView entity={entity} onDial={onDial} />;
  }
}

function Segments({ segments }: { segments: LinkSegment[] }) {
  return (
    <>
      {segments.map((segment, index) => (
        <span key={index} class={`link-${segment.role}`}>
          {segment.text}
        </span>
      ))}
    </>
  );
}

function Warnings({ id, warnings }: { id?: string; warnings: LinkWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <span id={id} class="link-warnings">
      {warnings.map((warning) => (
        <span key={warning.kind} class="link-warning">
          {warningText(warning)}
        </span>
      ))}
    </span>
  );
}

function UrlView({ entity }: { entity: UrlEntity }) {
  const view = useMemo(() => describeLink(entity.href), [entity.href]);
  // Only web links open here. Email addresses and phone numbers are their own entities, routed
  // through the configured targets; a `mailto:` listing several recipients stays text.
  if (!view.clickable || (view.scheme !== 'http' && view.scheme !== 'https')) return <>{revealInvisible(entity.raw)}</>;
  return (
    <LinkTooltip tooltip={t('link_tooltip', view.tooltip)}>
      {(tooltipId) => (
        <>
          <a
            href={view.href}
            target="_blank"
            rel="noopener noreferrer"
            class="link"
            aria-describedby={view.warnings.length > 0 ? `${tooltipId} ${tooltipId}-warnings` : tooltipId}
          >
            <Segments segments={view.segments} />
          </a>
          <Warnings id={`${tooltipId}-warnings`} warnings={view.warnings} />
        </>
      )}
    </LinkTooltip>
  );
}

function EmailView({ entity, onEmail }: { entity: EmailEntity } & Pick<Handlers, 'onEmail'>) {
  const view = useMemo(() => describeEmail(entity.address), [entity.address]);
  if (!view.valid) return <>{revealInvisible(entity.raw)}</>;
  return (
    <LinkTooltip tooltip={t('dialer_email_tooltip', view.address)}>
      {(tooltipId) => (
        <>
          <button
            type="button"
            class="link entity-email"
            aria-describedby={view.warnings.length > 0 ? `${tooltipId} ${tooltipId}-warnings` : tooltipId}
            onClick={() => onEmail(view.address)}
          >
            <Segments segments={view.segments} />
          </button>
          <Warnings id={`${tooltipId}-warnings`} warnings={view.warnings} />
        </>
      )}
    </LinkTooltip>
  );
}

function PhoneView({ entity, onDial }: { entity: PhoneEntity } & Pick<Handlers, 'onDial'>) {
  return (
    <LinkTooltip tooltip={t('dialer_call_tooltip', entity.e164)}>
      {(tooltipId) => (
        <button type="button" class="link entity-phone" aria-describedby={tooltipId} onClick={() => onDial(entity.e164)}>
          {revealInvisible(entity.raw)}
        </button>
      )}
    </LinkTooltip>
  );
}

/** An address in a preview: the same visible text and warnings as in the transcript, inert. */
function ReadOnlyView({ entity }: { entity: Entity }) {
  const view = useMemo(() => {
    if (entity.kind === 'url') {
      const link = describeLink(entity.href);
      return link.clickable && (link.scheme === 'http' || link.scheme === 'https') ? link : undefined;
    }
    if (entity.kind === 'email') {
      const email = describeEmail(entity.address);
      return email.valid ? email : undefined;
    }
    return undefined;
  }, [entity]);
  if (!view) return <>{revealInvisible(entity.raw)}</>;
  return (
    <>
      <span class="link link-readonly">
        <Segments segments={view.segments} />
      </span>
      <Warnings warnings={view.warnings} />
    </>
  );
}
