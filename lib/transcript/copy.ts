import { revealOverrides } from '../links/bidi';

/** One transcript entry as plain text: when, who, what (system lines say who as "System"). */
export interface CopyLine {
  at: number;
  sender: string;
  text: string;
}

/**
 * `[14:02] Camille Lefebvre: text`, one entry per line; a message's own line breaks are kept,
 * its later lines indented so a pasted transcript still reads entry by entry. Direction
 * overrides are shown as `⟪U+202E⟫`, as in the panel: pasted into a CRM note, they must not
 * reorder what the next reader sees.
 */
export function formatCopyLine(line: CopyLine, clock: (at: number) => string): string {
  const text = revealOverrides(line.text).replace(/\r\n?/g, '\n').replace(/\n/g, '\n  ');
  return `[${clock(line.at)}] ${line.sender}: ${text}`;
}

export function formatTranscriptCopy(lines: readonly CopyLine[], clock: (at: number) => string): string {
  return lines.map((line) => formatCopyLine(line, clock)).join('\n');
}
