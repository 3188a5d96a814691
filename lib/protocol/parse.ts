import * as v from 'valibot';
import { ClientFrame, ServerFrame } from './frames';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Validates untrusted input against a schema; the message names the field and the problem. */
export function parseWith<S extends v.GenericSchema>(schema: S, input: unknown): Parsed<v.InferOutput<S>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, message: describeIssues(result.issues) };
}

export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

function parseJsonFrame<S extends v.GenericSchema>(schema: S, raw: string): Parsed<v.InferOutput<S>> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, message: 'the frame is not valid JSON' };
  }
  return parseWith(schema, json);
}

export const parseClientFrame = (raw: string) => parseJsonFrame(ClientFrame, raw);
export const parseServerFrame = (raw: string) => parseJsonFrame(ServerFrame, raw);
