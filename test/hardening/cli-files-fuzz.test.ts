import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { runCli } from '../../cli/run';
import { info, MEMBER_HEADER, memberRows, tempDir, writeXlsx } from '../cli/fixtures';
import { sized, tryAll } from './record';

jest.setTimeout(300_000);

const dir = tempDir('broken-files');
let valid: Buffer;

beforeAll(async () => {
  const file = await writeXlsx(join(dir, 'valid.xlsx'), {
    'Thông tin': info('CB01', 'Chi bộ Trường THPT Chúc Sơn', 2023),
    'Đảng viên': [MEMBER_HEADER, ...memberRows({ excellent: 1, good: 6, complete: 2 }, 'A')],
  });
  valid = readFileSync(file);
});

async function validate(name: string, bytes: Buffer | string) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const output = await runCli(['validate', file]);
  const text = `${output.stdout}\n${output.stderr}`;
  expect(text).not.toMatch(/\bat .+:\d+:\d+|Lỗi không mong đợi/);
  return { file, exitCode: output.exitCode, text };
}

async function expectUnreadable(name: string, bytes: Buffer | string) {
  const { file, exitCode, text } = await validate(name, bytes);
  expect(exitCode).toBe(2);
  expect(text).toContain(file);
}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const CSV_HEADER = 'Họ và tên,Số thẻ đảng viên,Xếp loại\r\n';
const CSV_ROWS = 'Nguyễn Văn An,001,Hoàn thành tốt nhiệm vụ\r\nTrần Thị Bích,002,Hoàn thành nhiệm vụ\r\n';

it('refuses truncated workbooks with exit 2, naming the file', async () => {
  const cuts = fc.sample(fc.integer({ min: 1, max: valid.length - 1 }), { numRuns: sized(8, 80), seed: 7 });
  await tryAll('fuzz', 'CLI: .xlsx files cut at a random byte → exit 2 naming the file', cuts, (cut, i) =>
    expectUnreadable(`cut-${i}.xlsx`, valid.subarray(0, cut)),
  );
});

it('refuses random bytes named .xlsx with exit 2', async () => {
  const blobs = fc.sample(fc.uint8Array({ minLength: 0, maxLength: 4000 }), {
    numRuns: sized(8, 80),
    seed: 8,
  });
  await tryAll('fuzz', 'CLI: random bytes named .xlsx → exit 2 naming the file', blobs, (bytes, i) =>
    expectUnreadable(`random-${i}.xlsx`, Buffer.from(bytes)),
  );
});

it('refuses other formats with a message saying what they are', async () => {
  const ods = zipSync({
    mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
    'content.xml': strToU8('<office:document-content/>'),
  });
  const cases: [string, Buffer, RegExp][] = [
    ['old.xls', Buffer.concat([OLE, Buffer.alloc(504)]), /\.xls/],
    ['old-renamed.xlsx', Buffer.concat([OLE, Buffer.alloc(504)]), /\.xls cũ hoặc tệp có đặt mật khẩu/],
    [
      'password.xlsx',
      Buffer.concat([OLE, Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le')]),
      /mật khẩu/,
    ],
    ['sheet.ods', Buffer.from(ods), /\.ods|không phải \.xlsx hay \.csv/],
    ['sheet-renamed.xlsx', Buffer.from(ods), /không phải bảng tính/],
  ];
  await tryAll(
    'fuzz',
    'CLI: .xls, password-protected, .ods (as is and renamed .xlsx) → exit 2 saying what the file is',
    cases,
    async ([name, bytes, said]) => {
      await expectUnreadable(name, bytes);
      expect((await validate(name, bytes)).text).toMatch(said);
    },
  );
});

it('reads UTF-16 CSV, refuses Windows-1258 CSV with advice, and keeps quoted commas and newlines', async () => {
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV_HEADER + CSV_ROWS, 'utf16le')]);
  const utf16be = Buffer.from(
    Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(CSV_HEADER + CSV_ROWS, 'utf16le').swap16()]),
  );
  // "Nguyễn" in Windows-1258 (ễ = e + combining tilde 0xDE + dot below 0xF2 is not needed: ê 0xEA, tilde 0xDE).
  const cp1258 = Buffer.concat([
    Buffer.from('Ho va ten,So the,Xep loai\r\nNguy'),
    Buffer.from([0xea, 0xde]),
    Buffer.from('n,001,T\xf4t\r\n', 'latin1'),
  ]);
  const quoted =
    'Họ và tên,Số thẻ đảng viên,Xếp loại,Nhóm\r\n"Nguyễn ""Út"" An",001,Hoàn thành tốt nhiệm vụ,"Đoàn viên, thanh niên"\r\n"Trần Thị\nBích",002,Hoàn thành nhiệm vụ,\r\n';
  const cases: [string, () => Promise<void>][] = [
    ['UTF-16 LE', async () => expect((await validate('DV16.csv', utf16le)).exitCode).toBe(0)],
    ['UTF-16 BE', async () => expect((await validate('DV16B.csv', utf16be)).exitCode).toBe(0)],
    [
      'Windows-1258',
      async () => {
        const run = await validate('DV1258.csv', cp1258);
        expect(run.exitCode).toBe(2);
        expect(run.text).toMatch(/UTF-8/);
      },
    ],
    [
      'quotes and newlines',
      async () => {
        const run = await validate('DVQ.csv', quoted);
        expect(run.exitCode).toBe(0);
        const json = await runCli(['summarize', join(dir, 'DVQ.csv'), '--json', '--year', '2023']);
        expect(JSON.parse(json.stdout).members.total).toBe(2);
      },
    ],
  ];
  await tryAll(
    'fuzz',
    'CLI: CSV in UTF-16 LE/BE (read), Windows-1258 (exit 2, asks for UTF-8), quotes and newlines inside cells (read)',
    cases,
    ([, check]) => check(),
  );
});
