import { createHash } from 'node:crypto';
import { readUnitWorkbook, type WorkbookData } from '../../core';
import { raw, type FetchHandler, type FetchReply } from '../../scripts/addon-host';
import { unitWorkbook, validMembers, withThreeErrors } from './fixtures';
import { start, userTexts, vietnameseProblems } from './harness';

const API = 'https://asia-southeast1-demo-xeploai.cloudfunctions.net/api';
const receipt = (version: number): FetchReply => ({
  status: version === 1 ? 201 : 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    year: 2023,
    unit: 'DV01',
    version,
    members: 100,
    warnings: 0,
    submittedAt: '2024-11-27T07:05:00.000Z',
  }),
});

/** Replies in turn; the last one repeats. */
function replies(...list: (FetchReply | Error)[]): FetchHandler {
  let at = 0;
  return () => {
    const next = list[Math.min(at++, list.length - 1)];
    if (next instanceof Error) throw next;
    return next;
  };
}

function setUp(workbook: WorkbookData, handler: FetchHandler) {
  const started = start({ workbook, fetch: handler });
  started.fake.documentProperties.setProperties({ 'xeploai.apiUrl': API });
  return started;
}

describe('Gửi báo cáo', () => {
  let good: WorkbookData;
  beforeAll(async () => {
    good = await unitWorkbook({
      code: 'DV01',
      name: 'Đảng bộ xã An Bình',
      year: 2023,
      members: validMembers(100),
    });
  });

  it('refuses to send while the data has errors, and lists them', async () => {
    const bad = await unitWorkbook({
      code: 'DV01',
      name: 'Đảng bộ xã An Bình',
      year: 2023,
      members: withThreeErrors(validMembers(100)),
    });
    const { fake, addon } = setUp(bad, replies(receipt(1)));
    addon.sendReport();
    expect(fake.urlFetch.requests).toHaveLength(0);
    expect(fake.ui.alerts.at(-1)!.message).toBe(
      'Chưa gửi: dữ liệu còn 3 lỗi. Danh sách ở thanh bên và trang “Lỗi”.',
    );
    expect(fake.ui.pages.at(-1)!.title).toBe('Chưa gửi được báo cáo');
    expect(fake.spreadsheet.sheets.some((s) => s.name === 'Lỗi')).toBe(true);
    expect(fake.lock.events).toEqual([]);
  });

  it('sends a quarter’s report (Kỳ đánh giá in Thông tin) as that quarter’s, and says so', () => {
    const quarterly: WorkbookData = {
      sheets: good.sheets.map((s) =>
        s.name === 'Thông tin' ? { ...s, rows: [...s.rows, ['Kỳ đánh giá', 'Quý 2']] } : s,
      ),
    };
    const { fake, addon } = setUp(
      quarterly,
      replies({ ...receipt(1), body: JSON.stringify({ ...JSON.parse(receipt(1).body!), quarter: 2 }) }),
    );
    addon.sendReport();
    expect(fake.consoleErrors).toEqual([]);
    expect(JSON.parse(fake.urlFetch.requests[0].payload!)).toMatchObject({ year: 2023, quarter: 2 });
    expect(fake.toasts.at(-1)!.message).toBe('Đang gửi báo cáo quý 2 năm 2023 của đơn vị DV01…');
    expect(fake.ui.alerts.at(-1)!.message).toMatch(
      /^Đã gửi báo cáo quý 2 năm 2023 của đơn vị DV01: 100 đảng viên\.\nPhiên bản 1/,
    );
  });

  it('sends the unit report with the identity token under the document lock and records the receipt', () => {
    const { fake, addon } = setUp(good, replies(receipt(1), receipt(2)));
    const info = fake.spreadsheet.sheet('Thông tin');
    const before = raw(info.getDataRange()).getValues();
    addon.sendReport();
    expect(fake.consoleErrors).toEqual([]);
    expect(fake.urlFetch.requests).toHaveLength(1);
    const request = fake.urlFetch.requests[0];
    expect(request.method).toBe('post');
    expect(request.url).toBe(`${API}/v1/reports`);
    expect(request.headers.Authorization).toBe('Bearer fake-id-token');
    expect(request.contentType).toBe('application/json');
    expect(request.lockHeld).toBe(true);
    const expected = readUnitWorkbook(good);
    if (!expected.ok) throw new Error('fixture');
    expect(JSON.parse(request.payload!)).toEqual(JSON.parse(JSON.stringify(expected.read.report)));
    expect(fake.lock.events).toEqual(['tryLock:ok', 'release']);

    const after = raw(info.getDataRange()).getValues();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length)).toEqual([
      ['Lần gửi gần nhất', '14:05 ngày 27/11/2024'],
      ['Phiên bản', 1],
    ]);
    expect(fake.ui.alerts.at(-1)!.message).toBe(
      'Đã gửi báo cáo năm 2023 của đơn vị DV01: 100 đảng viên.\nPhiên bản 1, nhận lúc 14:05 ngày 27/11/2024.\nĐã ghi vào trang “Thông tin”.',
    );
    expect(fake.toasts.at(-1)!.message).toBe('Đang gửi báo cáo năm 2023 của đơn vị DV01…');

    // A second submission updates the same two cells.
    addon.sendReport();
    const again = raw(info.getDataRange()).getValues();
    expect(again.slice(0, before.length)).toEqual(before);
    expect(again.slice(before.length)).toEqual([
      ['Lần gửi gần nhất', '14:05 ngày 27/11/2024'],
      ['Phiên bản', 2],
    ]);
    expect(vietnameseProblems(userTexts(fake))).toEqual([]);
  });

  it('retries 429 and 5xx with backoff, honouring Retry-After', () => {
    const { fake, addon } = setUp(
      good,
      replies(
        { status: 503, body: '' },
        { status: 429, headers: { 'Retry-After': '5' }, body: '' },
        receipt(1),
      ),
    );
    addon.sendReport();
    expect(fake.urlFetch.requests.map((r) => r.status)).toEqual([503, 429, 201]);
    expect(fake.utilities.sleeps).toEqual([1000, 5000]);
    expect(fake.ui.alerts.at(-1)!.message).toContain('Phiên bản 1');
  });

  it('keeps the unsent report’s hash and says so when the server keeps failing; a later success clears it', () => {
    let failing = true;
    const { fake, addon } = setUp(good, () =>
      failing ? { status: 500, body: '{"error":{"code":"E_INTERNAL","message":"Lỗi máy chủ"}}' } : receipt(1),
    );
    addon.sendReport();
    expect(fake.urlFetch.requests).toHaveLength(4);
    expect(fake.utilities.sleeps).toEqual([1000, 2000, 4000]);
    const hash = createHash('sha256').update(fake.urlFetch.requests[0].payload!, 'utf8').digest('hex');
    const unsent = JSON.parse(fake.documentProperties.getProperty('xeploai.unsentReport')!);
    expect(unsent).toMatchObject({ hash, unit: 'DV01', year: 2023, error: 'E_API_UNAVAILABLE' });
    const message = fake.ui.alerts.at(-1)!.message;
    expect(message).toContain('Báo cáo CHƯA được gửi.');
    expect(message).toContain(
      'Máy chủ đang bận hoặc gặp sự cố (mã 500) sau 4 lần thử. Máy chủ báo: Lỗi máy chủ',
    );
    expect(message).toContain(`mã kiểm tra ${hash.slice(0, 12)}`);
    expect(raw(fake.spreadsheet.sheet('Thông tin').getDataRange()).getNumRows()).toBe(5);
    expect(fake.lock.held).toBe(false);

    failing = false;
    addon.sendReport();
    expect(fake.documentProperties.getProperty('xeploai.unsentReport')).toBeNull();
    expect(vietnameseProblems(userTexts(fake))).toEqual([]);
  });

  it('sends an Idempotency-Key, the same on every retry and when the unsent report is sent again later', () => {
    let networkDown = true;
    const { fake, addon } = setUp(good, () => {
      if (networkDown) throw new Error('Address unavailable');
      return receipt(1);
    });
    addon.sendReport();
    const keys = fake.urlFetch.requests.map((r) => r.headers['Idempotency-Key']);
    expect(keys).toHaveLength(4);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{8,200}$/);
    expect(new Set(keys).size).toBe(1);
    expect(JSON.parse(fake.documentProperties.getProperty('xeploai.unsentReport')!).key).toBe(keys[0]);

    networkDown = false;
    addon.sendReport();
    expect(fake.urlFetch.requests).toHaveLength(5);
    expect(fake.urlFetch.requests[4].headers['Idempotency-Key']).toBe(keys[0]);
    expect(fake.documentProperties.getProperty('xeploai.unsentReport')).toBeNull();

    // Once sent, the next submission is a new request with a new key.
    addon.sendReport();
    expect(fake.urlFetch.requests[5].headers['Idempotency-Key']).not.toBe(keys[0]);
  });

  it('shows what the server rejected (400) without retrying', () => {
    const body = {
      error: {
        code: 'E_VALIDATION',
        message: 'Báo cáo không hợp lệ.',
        issues: [
          {
            code: 'E_NO_RATING',
            sheet: 'Đảng viên',
            row: 5,
            column: 'G',
            value: null,
            message: 'Chưa có mức xếp loại.',
          },
        ],
      },
    };
    const { fake, addon } = setUp(good, replies({ status: 400, body: JSON.stringify(body) }));
    addon.sendReport();
    expect(fake.urlFetch.requests).toHaveLength(1);
    const message = fake.ui.alerts.at(-1)!.message;
    expect(message).toContain('Máy chủ từ chối dữ liệu (mã 400). Máy chủ báo: Báo cáo không hợp lệ.');
    expect(message).toContain('• Chưa có mức xếp loại.');
  });

  it('explains 401 and 403', () => {
    for (const [status, text] of [
      [401, 'Máy chủ không chấp nhận mã xác thực (401).'],
      [403, 'Tài khoản này không có quyền thực hiện việc này (403).'],
    ] as const) {
      const { fake, addon } = setUp(
        good,
        replies({ status, body: '{"error":{"code":"E","message":"Từ chối."}}' }),
      );
      addon.sendReport();
      expect(fake.urlFetch.requests).toHaveLength(1);
      expect(fake.ui.alerts.at(-1)!.message).toContain(text);
    }
  });

  it('retries a network failure, then says the server could not be reached', () => {
    const { fake, addon } = setUp(good, replies(new Error('DNS error')));
    addon.sendReport();
    expect(fake.urlFetch.requests).toHaveLength(4);
    expect(fake.ui.alerts.at(-1)!.message).toContain(
      'Không kết nối được máy chủ sau 4 lần thử: không có mạng hoặc không tìm thấy máy chủ.',
    );
    expect(fake.ui.alerts.at(-1)!.message).not.toContain('DNS error');
  });

  it('tries a request that timed out once more only: a server that does not answer costs two minutes, not four', () => {
    const { fake, addon } = setUp(good, replies(new Error('Exception: Timeout: https://example.test/api')));
    addon.sendReport();
    expect(fake.urlFetch.requests).toHaveLength(2);
    expect(fake.utilities.sleeps).toEqual([1000]);
    expect(fake.ui.alerts.at(-1)!.message).toContain(
      'Không kết nối được máy chủ sau 2 lần thử: máy chủ không trả lời trong thời gian chờ.',
    );
    expect(JSON.parse(fake.documentProperties.getProperty('xeploai.unsentReport')!).error).toBe(
      'E_API_NETWORK',
    );
  });

  it('does not send while someone else holds the lock, or without an identity token', () => {
    const busy = setUp(good, replies(receipt(1)));
    busy.fake.lock.heldElsewhere = true;
    busy.addon.sendReport();
    expect(busy.fake.urlFetch.requests).toHaveLength(0);
    expect(busy.fake.ui.alerts.at(-1)!.message).toBe(
      'Một người khác đang gửi báo cáo từ bảng tính này. Hãy thử lại sau ít phút.',
    );

    const anonymous = setUp(good, replies(receipt(1)));
    anonymous.fake.identityToken = () => null;
    anonymous.addon.sendReport();
    expect(anonymous.fake.urlFetch.requests).toHaveLength(0);
    expect(anonymous.fake.ui.alerts.at(-1)!.message).toContain('Không lấy được mã xác thực');
    expect(anonymous.fake.lock.held).toBe(false);
  });

  it('needs a unit code and a year, from `Thông tin` or the settings', async () => {
    const workbook = await unitWorkbook({
      code: '',
      name: 'Đảng bộ xã An Bình',
      year: 2023,
      members: validMembers(20),
    });
    const { fake, addon } = setUp(workbook, replies(receipt(1)));
    addon.sendReport();
    expect(fake.urlFetch.requests).toHaveLength(0);
    expect(fake.ui.alerts.at(-1)!.message).toContain('chưa có mã đơn vị');
    fake.documentProperties.setProperty('xeploai.unitCode', 'DV09');
    addon.sendReport();
    expect(JSON.parse(fake.urlFetch.requests[0].payload!).unit.code).toBe('DV09');
  });
});
