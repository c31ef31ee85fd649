import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readXlsxBytes } from '../../cli/xlsx/read-xlsx';
import { isDateFormatCode } from '../../cli/xlsx/number-formats';
import type { CellValue } from '../../core';

async function bytesOf(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** What exceljs itself reads from the file, as plain values (another implementation to compare with). */
async function readWithExceljs(bytes: Uint8Array): Promise<{ name: string; rows: CellValue[][] }[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: { name: string; rows: CellValue[][] }[] = [];
  book.eachSheet((sheet) => {
    const rows: CellValue[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      const values: CellValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const v = cell.value;
        values[c - 1] =
          v === null || v === undefined
            ? ''
            : typeof v === 'object' && !(v instanceof Date)
              ? 'result' in v
                ? (v.result as CellValue)
                : 'richText' in v
                  ? v.richText.map((p) => p.text).join('')
                  : 'error' in v
                    ? v.error
                    : String(v)
              : (v as CellValue);
      });
      for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = '';
      rows[r - 1] = values;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    sheets.push({ name: sheet.name, rows });
  });
  return sheets;
}

describe('the .xlsx reader', () => {
  it('gives each kind of cell as Sheets’ getValues() would', async () => {
    const bytes = await bytesOf((book) => {
      const sheet = book.addWorksheet('Đảng viên'.normalize('NFD'));
      sheet.getCell('A1').value = 'Họ và tên';
      sheet.getCell('B1').value = { richText: [{ text: 'Xếp ' }, { font: { bold: true }, text: 'loại' }] };
      sheet.getCell('A2').value = 42.5;
      sheet.getCell('B2').value = true;
      sheet.getCell('C2').value = new Date(Date.UTC(2023, 11, 31));
      sheet.getCell('C2').numFmt = 'dd/mm/yyyy';
      sheet.getCell('D2').value = { formula: 'A2*2', result: 85 };
      sheet.getCell('E2').value = { error: '#REF!' };
      sheet.getCell('F2').value = 'a & b < c';
      sheet.getCell('D4').value = 7;
    });
    const [sheet] = readXlsxBytes(bytes).sheets;
    expect(sheet.name).toBe('Đảng viên'.normalize('NFD'));
    expect(sheet.rows).toEqual([
      ['Họ và tên', 'Xếp loại'],
      [42.5, true, new Date(Date.UTC(2023, 11, 31)), 85, '#REF!', 'a & b < c'],
      [],
      ['', '', '', 7],
    ]);
  });

  it('reads a LibreOffice-saved workbook as exceljs does (serial dates, shared strings)', async () => {
    const bytes = new Uint8Array(await readFile(join(__dirname, '..', 'fixtures', 'libreoffice-unit.xlsx')));
    expect(readXlsxBytes(bytes).sheets).toEqual(await readWithExceljs(bytes));
  });

  it('tells date formats from others', () => {
    expect(['dd/mm/yyyy', 'yyyy-mm-dd', 'h:mm', '[$-42A]d mmmm yyyy'].map(isDateFormatCode)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['0.00', '#,##0', '0%', '"ngày"0', 'General'].map(isDateFormatCode)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('reads the XML as other writers may write it: prefixes, entities, CDATA, phonetic runs, stored parts', () => {
    const parts = {
      'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="main" xmlns:r="rel"><x:workbookPr date1904="1"/><x:sheets>
<x:sheet name="Đảng viên &amp; chi bộ" sheetId="1" r:id="rId1"/><x:sheet name='Q"2' sheetId="2" rel:id="rId2" xmlns:rel="rel"/>
</x:sheets></x:workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Target="/xl/worksheets/../worksheets/sheet2.xml"/></Relationships>`,
      'xl/sharedStrings.xml': `<?xml version="1.0"?><!-- written by hand --><sst>
<si><t xml:space="preserve"> a &lt;b&gt; &#x1EA3;&#7843; &#150; &bogus; &amp trail </t></si>
<si><r><t>Xếp </t></r><r><rPr><b/></rPr><t>loại</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>
<si><t><![CDATA[x <y> & z]]></t></si></sst>`,
      'xl/styles.xml': `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>
<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`,
      'XL/Worksheets/Sheet1.xml': `<?xml version="1.0"?><!DOCTYPE worksheet [ <!ENTITY e "e"> ]>
<worksheet><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
<row r="3"><c r="A3" s="1"><v>0</v></c><c r="B3" t = 'str'><f>A1</f><v>p &amp; q</v></c><c r="C3" t="inlineStr"><is><t>dòng&#10;hai</t></is></c><c r="E3"/><c r="F3"><v>-1.5e1</v></c></row>
</sheetData></worksheet>`,
      'xl/worksheets/sheet2.xml': `<w:worksheet xmlns:w="main"><w:sheetData><w:row r="2"><w:c r="AB2"><w:v>7</w:v></w:c></w:row></w:sheetData></w:worksheet>`,
    };
    const expected = [
      {
        name: 'Đảng viên & chi bộ',
        rows: [
          [' a <b> ảả – &bogus; &amp trail ', 'Xếp loại', 'x <y> & z'],
          [],
          [new Date(Date.UTC(1904, 0, 1)), 'p & q', 'dòng\nhai', '', '', -15],
        ],
      },
      { name: 'Q"2', rows: [[], [...Array<string>(27).fill(''), 7]] },
    ];
    const files = Object.fromEntries(Object.entries(parts).map(([path, xml]) => [path, strToU8(xml)]));
    // Deflated as writers usually do, and stored (level 0) as some do.
    expect(readXlsxBytes(zipSync(files, { level: 6 })).sheets).toEqual(expected);
    expect(readXlsxBytes(zipSync(files, { level: 0 })).sheets).toEqual(expected);
  });

  it('gives a number cell that holds no number as its text, and an impossible date serial as a number', () => {
    const parts = {
      'xl/workbook.xml': `<workbook xmlns:r="rel"><sheets><sheet name="Đảng viên" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`,
      'xl/styles.xml': `<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
      'xl/worksheets/sheet1.xml': `<worksheet><sheetData><row r="1">
<c r="A1" s="1"><v>abc</v></c><c r="B1"><v>1,5</v></c><c r="C1" s="1"><v>1e12</v></c><c r="D1" s="1"><v>45291</v></c>
</row></sheetData></worksheet>`,
    };
    const files = Object.fromEntries(Object.entries(parts).map(([path, xml]) => [path, strToU8(xml)]));
    expect(readXlsxBytes(zipSync(files)).sheets[0].rows).toEqual([
      ['abc', '1,5', 1e12, new Date(Date.UTC(2023, 11, 31))],
    ]);
  });

  it('refuses bytes that are not a workbook', () => {
    expect(() => readXlsxBytes(new TextEncoder().encode('not a zip'))).toThrow();
  });
});
