/**
 * A minimal ZIP writer (deflate, no ZIP64, so each file and the whole archive under 4 GiB), enough for the
 * evidence bundle: Node has zlib's deflate and crc32 (20.15 and 22.2 on) but no zip. Files that are compressed
 * already (screenshots, zips) are stored as they are: deflate would not make them smaller, and cost the certification
 * report about a tenth of a second.
 */
import * as zlib from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, forward slashes. */
  name: string;
  data: Buffer;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** ZIP's CRC-32 by table, for Node releases without zlib's (21, 22.0 and 22.1). */
export function tableCrc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** ZIP's CRC-32: zlib's where Node has it (a tenth of a second less per certification report), else by table. */
export function crc32(data: Buffer): number {
  return typeof zlib.crc32 === 'function' ? zlib.crc32(data) >>> 0 : tableCrc32(data);
}

/** MS-DOS time and date of a moment (local time, 2-second steps), as ZIP stores them. */
function dosDateTime(when: Date): { time: number; date: number } {
  const year = Math.max(1980, when.getFullYear());
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | Math.floor(when.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}

type Field = [bytes: 2 | 4, value: number];

/** A little-endian header of the given size, its fields written one after the other. */
function header(size: number, fields: readonly Field[]): Buffer {
  const buffer = Buffer.alloc(size);
  let at = 0;
  for (const [bytes, value] of fields) {
    if (bytes === 2) buffer.writeUInt16LE(value, at);
    else buffer.writeUInt32LE(value, at);
    at += bytes;
  }
  if (at !== size) throw new Error(`ZIP header of ${size} bytes got ${at} bytes of fields`);
  return buffer;
}

/** Compressed formats: stored, not deflated again. */
const ALREADY_COMPRESSED = /\.(png|jpe?g|gif|webp|zip|gz)$/i;

/** Deflated (method 8), or stored (method 0) when deflate does not make the file smaller. */
function packed(entry: ZipEntry): { method: 0 | 8; data: Buffer } {
  if (ALREADY_COMPRESSED.test(entry.name)) return { method: 0, data: entry.data };
  const deflated = zlib.deflateRawSync(entry.data);
  return deflated.length < entry.data.length ? { method: 8, data: deflated } : { method: 0, data: entry.data };
}

export function zipArchive(entries: readonly ZipEntry[], modified = new Date()): Buffer {
  const { time, date } = dosDateTime(modified);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const { method, data: compressed } = packed(entry);
    const crc = crc32(entry.data);
    // Fields both headers share, from "version needed" on: version, flags (UTF-8 names), method, time, date, CRC, sizes, name length.
    const common: Field[] = [[2, 20], [2, 0x0800], [2, method], [2, time], [2, date], [4, crc], [4, compressed.length], [4, entry.data.length], [2, name.length]];
    const local = header(30, [[4, 0x04034b50], ...common, [2, 0]]);
    // Central: made by Unix (spec 3.0), the common fields, no extra/comment/disk/internal attributes, rw-r--r--, offset.
    const central = header(46, [[4, 0x02014b50], [2, 0x031e], ...common, [2, 0], [2, 0], [2, 0], [2, 0], [4, (0o100644 << 16) >>> 0], [4, offset]]);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  if (offset > 0xffffffff || entries.length > 0xffff) throw new Error('The evidence bundle is too large for a plain ZIP (4 GiB, 65535 files)');
  return Buffer.concat([...locals, directory, end]);
}
