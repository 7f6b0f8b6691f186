/**
 * A minimal zip writer for crafting hostile spreadsheets in tests: each part deflated, and
 * the sizes it declares either honest or forged (a bomb that lies about its size).
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface Part {
  name: string;
  data: Buffer;
  /** the uncompressed size written in the headers (default: the real one) */
  declaredSize?: number;
}

export function zip(parts: Part[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const body = deflateRawSync(p.data, { level: 9 });
    const size = p.declaredSize ?? p.data.length;
    const crc = crc32(p.data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(name.length, 26);
    local.push(head, name, body);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += head.length + name.length + body.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, dirBytes, end]);
}

const NS = 'http://schemas.openxmlformats.org/';

/** An .xlsx whose one sheet repeats a row `rows` times, as in the security review's bomb (`pad` widens each row). */
export function bombXlsx(rows: number, opts: { lie?: boolean; pad?: number } = {}): Buffer {
  const text = 'Nguyen Van A' + ' '.repeat(opts.pad ?? 0);
  const body: string[] = [];
  for (let i = 1; i <= rows; i++)
    body.push(`<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>${text}</t></is></c><c r="B${i}"><v>1950</v></c></row>`);
  const sheet = Buffer.from(
    `<worksheet xmlns="${NS}spreadsheetml/2006/main"><sheetData>${body.join('')}</sheetData></worksheet>`
  );
  const part = (name: string, xml: string): Part => ({ name, data: Buffer.from(xml) });
  return zip([
    part(
      '[Content_Types].xml',
      `<Types xmlns="${NS}package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
    ),
    part(
      '_rels/.rels',
      `<Relationships xmlns="${NS}package/2006/relationships"><Relationship Id="rId1" Type="${NS}officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
    ),
    part(
      'xl/workbook.xml',
      `<workbook xmlns="${NS}spreadsheetml/2006/main" xmlns:r="${NS}officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`
    ),
    part(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${NS}package/2006/relationships"><Relationship Id="rId1" Type="${NS}officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`
    ),
    { name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: opts.lie ? 1000 : undefined }
  ]);
}
