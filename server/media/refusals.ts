import type { ImageProblem } from './inspection';
import { OTHER_FILE_LABEL } from './other-file';
import type { ImageType, MediaLimits, MediaRefusal } from './types';

const TYPE_LABEL: Record<ImageType, string> = {
  'image/jpeg': 'a JPEG image',
  'image/png': 'a PNG image',
  'image/gif': 'a GIF image',
  'image/webp': 'a WebP image',
};

/** "4.8 MB" — binary megabytes, as people read file sizes. */
export function formatSize(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  if (megabytes >= 1) return `${Number(megabytes.toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function megapixels(pixels: number): string {
  return String(Number((pixels / 1_000_000).toFixed(1)));
}

/** Builds refusals for one part: its name in messages is `"photo.jpg"` or `file 3`. */
export function refusalsFor(index: number, filename: string | undefined) {
  // Every message starts with the file, hence the capital.
  const file = filename === undefined ? `File ${index + 1}` : `"${filename}"`;
  const base = { index, ...(filename === undefined ? {} : { filename }) };
  const params = (extra: Record<string, string>): Record<string, string> => ({
    file: filename ?? '',
    number: String(index + 1),
    ...extra,
  });

  return {
    tooManyFiles(limits: MediaLimits): MediaRefusal {
      return {
        ...base,
        reason: 'too_many_files',
        message: `${file} was not accepted: a message can carry at most ${limits.maxFiles} files.`,
        params: params({ max: String(limits.maxFiles) }),
      };
    },
    tooLarge(size: number, limits: MediaLimits): MediaRefusal {
      const limit = formatSize(limits.maxBytes);
      // 5 MB + 2 KB still rounds to "5 MB": say "more than" rather than "5 MB is over 5 MB".
      const shown = formatSize(size) === limit ? `more than ${limit}` : formatSize(size);
      return {
        ...base,
        reason: 'too_large',
        message: `${file} is too large (${shown}); files up to ${limit} are accepted. Ask the customer for a smaller picture.`,
        params: params({ size: shown, limit }),
      };
    },
    unavailable(detail: string): MediaRefusal {
      return {
        ...base,
        reason: 'unavailable',
        message: `${file} could not be fetched from the carrier (${detail}); the text and the other files went through.`,
        params: params({ detail }),
      };
    },
    badBase64(detail: string): MediaRefusal {
      return {
        ...base,
        reason: 'bad_base64',
        message: `${file} could not be read: its data is not valid base64 (${detail}).`,
        params: params({}),
      };
    },
    tooManyPixels(width: number, height: number, pixels: number, limits: MediaLimits): MediaRefusal {
      const [shown, limit] = [megapixels(pixels), megapixels(limits.maxPixels)];
      return {
        ...base,
        reason: 'too_many_pixels',
        message: `${file} is ${width} × ${height} pixels (${shown} megapixels); the limit is ${limit} megapixels.`,
        params: params({ width: String(width), height: String(height), megapixels: shown, limit }),
      };
    },
    /** A refusal for a file whose bytes failed inspection or decoding. */
    fromProblem(problem: ImageProblem): MediaRefusal {
      switch (problem.problem) {
        case 'empty':
          return { ...base, reason: 'corrupt', message: `${file} is empty (0 bytes).`, params: params({ problem: 'empty' }) };
        case 'unknown_type':
          return {
            ...base,
            reason: 'not_an_allowed_image',
            message: `${file} is ${OTHER_FILE_LABEL[problem.kind]}; only JPEG, PNG, GIF and WebP images are accepted.`,
            params: params({ kind: problem.kind }),
          };
        case 'hidden_markup':
          return {
            ...base,
            reason: 'not_an_allowed_image',
            message:
              `${file} looks like ${TYPE_LABEL[problem.type]} but hides web page code inside ` +
              `("${problem.markup}"), so it is refused to protect whoever opens it.`,
            params: params({ kind: 'polyglot' }),
          };
        case 'truncated':
        case 'malformed':
          return {
            ...base,
            reason: 'corrupt',
            message: `${file} is damaged or incomplete (${problem.detail}). Ask the customer to send it again.`,
            params: params({ problem: problem.problem }),
          };
      }
    },
  };
}
