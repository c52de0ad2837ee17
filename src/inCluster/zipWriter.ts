// A minimal zip writer (deflate, no zip64, no encryption): enough for a .vsix, with Node's zlib only.
import * as zlib from 'zlib';

export interface ZipEntry {
  /** Path inside the archive, with "/" separators. */
  path: string;
  data: Buffer;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3), as zip stores it. zlib.crc32 is not in the Node of VS Code 1.90. */
export function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** MS-DOS time and date fields (local time, 2-second steps, years 1980-2107). */
function dosDateTime(when: Date): { time: number; date: number } {
  const year = Math.min(Math.max(when.getFullYear(), 1980), 2107);
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}

const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const STORE = 0;
const VERSION = 20; // 2.0: deflate and folders
const MADE_BY_UNIX = (3 << 8) | VERSION; // so that the external attributes carry the Unix mode
const FILE_MODE = 0o100644;

/** The zip archive of `entries`, in their order; each is deflated unless that would make it bigger. */
export function zip(entries: readonly ZipEntry[], modified = new Date()): Buffer {
  if (entries.length > 0xffff) throw new Error(`Too many files for a zip without zip64: ${entries.length}.`);
  const { time, date } = dosDateTime(modified);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.path, 'utf8');
    const deflated = zlib.deflateRawSync(entry.data, { level: 9 });
    const stored = deflated.length >= entry.data.length;
    const body = stored ? entry.data : deflated;
    const fields: SharedFields = {
      method: stored ? STORE : DEFLATE,
      time,
      date,
      crc: crc32(entry.data),
      compressed: body.length,
      size: entry.data.length,
      nameLength: name.length,
    };
    if (offset + 30 + name.length + body.length > 0xffffffff) throw new Error('Too large for a zip without zip64.');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    writeSharedFields(local, 8, fields);
    local.writeUInt16LE(0, 28); // no extra field
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(MADE_BY_UNIX, 4);
    central.writeUInt16LE(VERSION, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    writeSharedFields(central, 10, fields);
    // extra field and comment lengths, disk number and internal attributes stay 0
    central.writeUInt32LE(FILE_MODE * 0x10000, 38); // the Unix mode in the high 16 bits (a shift would overflow int32)
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

interface SharedFields {
  method: number;
  time: number;
  date: number;
  crc: number;
  compressed: number;
  size: number;
  nameLength: number;
}

/** The fields a local header (from byte 8) and its central directory entry (from byte 10) share, in the same order. */
function writeSharedFields(header: Buffer, at: number, f: SharedFields): void {
  header.writeUInt16LE(f.method, at);
  header.writeUInt16LE(f.time, at + 2);
  header.writeUInt16LE(f.date, at + 4);
  header.writeUInt32LE(f.crc, at + 6);
  header.writeUInt32LE(f.compressed, at + 10);
  header.writeUInt32LE(f.size, at + 14);
  header.writeUInt16LE(f.nameLength, at + 18);
}
