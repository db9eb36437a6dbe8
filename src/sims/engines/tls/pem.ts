/**
 * Finding certificates in text a reader pasted. The text is untrusted: it may be huge, truncated,
 * nested, or not PEM at all, so the scanner is linear (indexOf from left to right, no backtracking
 * regular expression over the whole input) and everything it returns is plain data.
 */
import { formatNumber } from '../../kit/model.ts';

/** Inputs larger than this are refused before any parsing: a long chain is about 10 KB. */
export const MAX_INPUT_CHARS = 200_000;
/** More certificates than any real chain; a bound on the work the inspector does. */
export const MAX_CERTIFICATES = 12;

export interface PemBlock {
  label: string;
  der: Uint8Array<ArrayBuffer>;
  /** 1-based position among the blocks found. */
  index: number;
}

export interface PemProblem {
  index: number;
  message: string;
}

export interface PemScan {
  blocks: PemBlock[];
  problems: PemProblem[];
}

const BEGIN = '-----BEGIN ';
const END = '-----END ';
const DASHES = '-----';
const LABEL = /^[A-Z0-9 ]{1,40}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict base64: no stray characters, whole 4-character groups. Returns null if not base64. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  const compact = text.replace(/[\r\n\t ]+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !BASE64.test(compact)) return null;
  const binary = atob(compact);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A short, printable excerpt of untrusted text for an error message. */
export function excerpt(text: string, max = 40): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

export function scanPem(text: string): PemScan {
  const blocks: PemBlock[] = [];
  const problems: PemProblem[] = [];
  if (text.length > MAX_INPUT_CHARS) {
    problems.push({
      index: 0,
      message: `The input is ${formatNumber(text.length)} characters; the inspector reads at most ${formatNumber(MAX_INPUT_CHARS)}. A certificate chain is usually under 10,000.`,
    });
    return { blocks, problems };
  }
  let at = text.indexOf(BEGIN);
  if (at < 0) {
    // No armour: perhaps bare base64 of one DER certificate.
    const der = decodeBase64(text);
    if (der) blocks.push({ label: 'CERTIFICATE', der, index: 1 });
    else
      problems.push({
        index: 0,
        message: text.trim()
          ? 'No "-----BEGIN CERTIFICATE-----" line found, and the text is not base64 either.'
          : 'Nothing to inspect yet: paste a PEM certificate or chain.',
      });
    return { blocks, problems };
  }
  let index = 0;
  while (at >= 0) {
    index++;
    if (index > MAX_CERTIFICATES) {
      problems.push({ index, message: `Only the first ${MAX_CERTIFICATES} blocks are read.` });
      break;
    }
    const labelEnd = text.indexOf(DASHES, at + BEGIN.length);
    const nextBegin = text.indexOf(BEGIN, at + BEGIN.length);
    const label = labelEnd < 0 ? '' : text.slice(at + BEGIN.length, labelEnd);
    if (labelEnd < 0 || (nextBegin >= 0 && labelEnd > nextBegin) || !LABEL.test(label)) {
      problems.push({ index, message: `Block ${index}: the BEGIN line is malformed.` });
      at = nextBegin;
      continue;
    }
    const bodyStart = labelEnd + DASHES.length;
    const end = text.indexOf(END, bodyStart);
    if (end < 0 || (nextBegin >= 0 && end > nextBegin)) {
      problems.push({
        index,
        message: `Block ${index} (${label}) has no END line${nextBegin >= 0 ? ' before the next BEGIN' : ''}: the text looks truncated.`,
      });
      at = nextBegin;
      continue;
    }
    const endLabelEnd = text.indexOf(DASHES, end + END.length);
    const endLabel = endLabelEnd < 0 ? '' : text.slice(end + END.length, endLabelEnd);
    at = text.indexOf(BEGIN, end);
    if (endLabel !== label) {
      problems.push({ index, message: `Block ${index}: BEGIN ${label} is closed by END ${excerpt(endLabel)}.` });
      continue;
    }
    if (label !== 'CERTIFICATE' && label !== 'TRUSTED CERTIFICATE') {
      const key = label.includes('PRIVATE KEY');
      problems.push({
        index,
        message: key
          ? `Block ${index} is a private key. It was ignored; a private key should never be pasted into a web page.`
          : `Block ${index} is a ${label}, not a certificate; it was ignored.`,
      });
      continue;
    }
    const der = decodeBase64(text.slice(bodyStart, end));
    if (!der) {
      problems.push({ index, message: `Block ${index}: the text between BEGIN and END is not valid base64.` });
      continue;
    }
    blocks.push({ label, der, index });
  }
  return { blocks, problems };
}
