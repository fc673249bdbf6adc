// A document's text, read safely: only a regular file (a device such as /dev/zero never ends, and a
// FIFO blocks until someone writes), never more than the size limit plus one byte (a file can grow
// after it is measured), and only UTF-8. Other encodings are named from the byte-order mark; an
// invalid byte is reported where it is, since decoding would silently turn it into U+FFFD.
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { Location } from '../source/source-file.js';
import { TextSource } from '../source/text-source.js';
import type { SourceText } from '../source/text-source.js';

export const maxFileBytes = 1024 * 1024;

export interface DocumentFile {
  absolutePath: string;
  /** As the user sees it. */
  shown: string;
  /** Where problems reading it are reported (the reference that named it, or its own start). */
  where: Location;
}

/** The decoded text, or undefined after reporting why there is none. */
export function readDocumentText(file: DocumentFile, bag: DiagnosticBag, sources: Map<string, SourceText>): string | undefined {
  const bytes = readBounded(file, bag);
  if (bytes === undefined) return undefined;
  const fileStart: Location = { file: file.shown, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } };
  const encoding = byteOrderMark(bytes);
  if (encoding !== undefined) {
    bag.report('PLC0014', fileStart, { encoding });
    return undefined;
  }
  if (isUtf8(bytes)) return bytes.toString('utf8');
  const offset = firstInvalidUtf8(bytes);
  const before = bytes.subarray(0, offset).toString('utf8');
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  // Kept (with U+FFFD in place of the bad bytes) so the report can quote the line.
  sources.set(file.shown, new TextSource(file.shown, bytes.toString('utf8')));
  const at: Location = { file: file.shown, range: { start: { line, column }, end: { line, column: column + 1 } } };
  bag.report('PLC0015', at, { byte: `0x${bytes[offset]!.toString(16).padStart(2, '0')}`, offset });
  return undefined;
}

function readBounded(file: DocumentFile, bag: DiagnosticBag): Buffer | undefined {
  let fd: number | undefined;
  try {
    // Checked before opening: opening a FIFO blocks until it has a writer.
    if (!statSync(file.absolutePath).isFile()) {
      bag.report('PLC0003', file.where, { path: file.shown, detail: 'not a regular file (a device, FIFO or socket)' });
      return undefined;
    }
    fd = openSync(file.absolutePath, 'r');
    const buffer = Buffer.allocUnsafe(maxFileBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxFileBytes) {
      bag.report('PLC0004', file.where, { path: file.shown, size: Math.max(length, statSync(file.absolutePath).size), limit: maxFileBytes });
      return undefined;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    bag.report('PLC0003', file.where, { path: file.shown, detail: describeFsError(error) });
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** The encoding a UTF-16 or UTF-32 byte-order mark names (UTF-32LE's starts like UTF-16LE's). */
function byteOrderMark(bytes: Buffer): string | undefined {
  const starts = (...mark: number[]) => mark.every((byte, i) => bytes[i] === byte);
  if (starts(0x00, 0x00, 0xfe, 0xff)) return 'UTF-32BE';
  if (starts(0xff, 0xfe, 0x00, 0x00)) return 'UTF-32LE';
  if (starts(0xfe, 0xff)) return 'UTF-16BE';
  if (starts(0xff, 0xfe)) return 'UTF-16LE';
  return undefined;
}

/**
 * The offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF). Called only on invalid input.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    // The length of the sequence and the range its second byte must fall in.
    const [length, low, high] =
      lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf]
        : lead === 0xe0 ? [3, 0xa0, 0xbf]
          : lead === 0xed ? [3, 0x80, 0x9f]
            : lead >= 0xe1 && lead <= 0xef ? [3, 0x80, 0xbf]
              : lead === 0xf0 ? [4, 0x90, 0xbf]
                : lead === 0xf4 ? [4, 0x80, 0x8f]
                  : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf]
                    : [0, 0, 0];
    if (length === 0 || i + length > bytes.length) return i;
    const second = bytes[i + 1]!;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return i;
}
