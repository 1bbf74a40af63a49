import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/**
 * The ZIP container of an XLSX, read from its central directory WITHOUT inflating anything, so a workbook that would
 * be too large once decompressed (a zip bomb, or a legal but huge export) is refused before any XML is parsed.
 */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  flags: number;
  compressedSize: number;
  /** As declared; `Infinity` for a ZIP64 entry (refused by any sane limit). */
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Where the entry's data starts (after its local header) and where the bytes to hand on end (data descriptor included). */
  dataStart: number;
  end: number;
}

export interface XlsxLimits {
  /** Sum of the entries' uncompressed sizes (XLSX_MAX_UNCOMPRESSED_BYTES). */
  maxUncompressedBytes: number;
  /** Non-empty cells read over all visible sheets (IMPORT_MAX_CELLS). */
  maxCells: number;
}

/** The defaults of app-config.ts, for callers without a configuration (unit tests, tools). */
export const DEFAULT_XLSX_LIMITS: XlsxLimits = { maxUncompressedBytes: 100 * 1024 * 1024, maxCells: 5_000_000 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

export type ZipDirectory = { ok: true; entries: ZipEntry[]; uncompressedBytes: number } | { ok: false; reason: 'damaged' };

/** Megabytes written the French way: `214,3 Mo`. */
export const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;

/**
 * The entries of a ZIP as its central directory lists them. Each entry's local header must agree with it (name, sizes
 * unless a data descriptor follows) and no two entries may overlap, so what is inflated later is what was counted here.
 */
export const readZipDirectory = (bytes: Uint8Array): ZipDirectory => {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged: ZipDirectory = { ok: false, reason: 'damaged' };
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i -= 1) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return damaged;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (at === ZIP64_MARK) return damaged;
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let uncompressedBytes = 0;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return damaged;
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const declared = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const localHeaderOffset = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (compressedSize === ZIP64_MARK || localHeaderOffset === ZIP64_MARK || names.has(name)) return damaged;
    names.add(name);
    const uncompressedSize = declared === ZIP64_MARK ? Number.POSITIVE_INFINITY : declared;
    uncompressedBytes += uncompressedSize;
    if (localHeaderOffset + 30 > buf.length || buf.readUInt32LE(localHeaderOffset) !== LOCAL) return damaged;
    const localName = buf.toString('utf8', localHeaderOffset + 30, localHeaderOffset + 30 + buf.readUInt16LE(localHeaderOffset + 26));
    const descriptor = (flags & 0x08) !== 0;
    if (localName !== name) return damaged;
    if (!descriptor && (buf.readUInt32LE(localHeaderOffset + 18) !== compressedSize || buf.readUInt32LE(localHeaderOffset + 22) !== declared)) return damaged;
    const dataStart = localHeaderOffset + 30 + buf.readUInt16LE(localHeaderOffset + 26) + buf.readUInt16LE(localHeaderOffset + 28);
    let end = dataStart + compressedSize;
    if (descriptor) end += buf.readUInt32LE(end) === 0x08074b50 ? 16 : 12;
    if (end > buf.length) return damaged;
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset, dataStart, end });
  }
  const sorted = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  if (sorted.some((entry, i) => i > 0 && entry.localHeaderOffset < sorted[i - 1].end)) return damaged;
  return { ok: true, entries, uncompressedBytes };
};

/**
 * Inflates one entry as a stream, in libuv's thread pool (the event loop stays free), counting the bytes that really
 * come out: the declared size may lie. Resolves with that count, or `null` when the data exceeds `budget` bytes or its
 * declared size, or is not valid deflate. `onChunk` sees the inflated bytes (to look for merged cells).
 */
export const inflateEntry = async (bytes: Uint8Array, entry: ZipEntry, budget: number, onChunk?: (chunk: Buffer) => void): Promise<number | null> => {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset + entry.dataStart, entry.compressedSize);
  const allowed = Math.min(budget, entry.uncompressedSize);
  if (entry.method === 0) {
    if (data.length > allowed) return null;
    onChunk?.(data);
    return data.length;
  }
  if (entry.method !== 8) return null;
  const inflate = createInflateRaw();
  let total = 0;
  try {
    for await (const chunk of Readable.from([data]).pipe(inflate)) {
      total += (chunk as Buffer).length;
      if (total > allowed) {
        inflate.destroy();
        return null;
      }
      onChunk?.(chunk as Buffer);
    }
  } catch {
    return null;
  }
  return total;
};

/**
 * The ZIP again as a byte stream, its entries in `order` (local headers and data, copied by reference, no central
 * directory): the sequential unzip of the streaming reader then meets only the entries counted above, in an order
 * that lets it parse the workbook, styles and shared strings before the sheets.
 */
export const zipStream = (bytes: Uint8Array, order: readonly ZipEntry[]): Readable => {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Readable.from(order.map((entry) => buf.subarray(entry.localHeaderOffset, entry.end)));
};
