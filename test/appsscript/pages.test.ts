import type { Browser } from 'playwright-core';
import { callsOf, launchChromium, openPage } from './browser';
import { unitWorkbook, validMembers, withThreeErrors } from './fixtures';
import { start, vietnameseProblems } from './harness';
import { raw } from '../../scripts/addon-host';

describe('HtmlService pages in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the sidebar lists the issues in Vietnamese and a click selects the cell', async () => {
    const workbook = await unitWorkbook({
      code: 'DV01',
      name: 'Đảng bộ xã An Bình',
      year: 2023,
      members: withThreeErrors(validMembers(100)),
    });
    const { fake, addon } = start({ workbook });
    addon.validateData();
    const sidebar = fake.ui.pages.at(-1)!;
    expect(sidebar.kind).toBe('sidebar');

    const page = await openPage(browser, sidebar.html, { selectCell: { ok: true } });
    expect(await page.textContent('#title')).toBe('Kiểm tra dữ liệu');
    expect(await page.textContent('#summary')).toBe('Có 3 lỗi.');
    const items = await page.locator('#issues button').allTextContents();
    expect(items).toHaveLength(3);
    expect(items[0]).toBe(
      'Lỗi · Trang “Đảng viên”, dòng 5, cột G (Xếp loại)Không nhận ra mức xếp loại “Hoàn thàn tốt”. Có phải “Hoàn thành tốt nhiệm vụ”?',
    );
    expect(items[2]).toContain('dòng 7, cột G (Xếp loại)');
    const visible = (await page.locator('body').innerText()).split('\n').filter((line) => line.trim());
    expect(vietnameseProblems(visible)).toEqual([]);

    await page.locator('#issues button').nth(1).click();
    await page.waitForFunction(() => (window as unknown as { __calls: unknown[] }).__calls.length > 0);
    expect(await callsOf(page)).toEqual([{ name: 'selectCell', args: ['Đảng viên', 'G6'] }]);
    // The stub answers on the next tick: wait for the success handler to clear the status line.
    await page.waitForFunction(() => document.querySelector('#status')!.textContent === '', undefined, {
      timeout: 5000,
    });
    expect(await page.textContent('#status')).toBe('');

    // What that call does on the server side: the cell is selected on its sheet.
    expect(addon.selectCell('Đảng viên', 'G6')).toEqual({ ok: true });
    expect(fake.spreadsheet.activeSheet!.name).toBe('Đảng viên');
    expect(fake.spreadsheet.activeRange).toBe('G6');
    expect(addon.selectCell('Không có', 'G6')).toEqual({ ok: false, message: 'Không còn trang “Không có”.' });
    expect(addon.selectCell('Đảng viên', 'G6; =1')).toEqual({ ok: false, message: 'Ô không hợp lệ.' });
    await page.close();
  }, 30000);

  it('the sidebar button rewrites the labels read without diacritics, through the add-on, and says how many', async () => {
    const members = validMembers(30);
    for (const row of [2, 5, 9]) members[row] = { ...members[row], rating: 'Hoan thanh nhiem vu' };
    const workbook = await unitWorkbook({ code: 'DV01', name: 'Đảng bộ xã An Bình', year: 2023, members });
    const { fake, addon } = start({ workbook });
    addon.validateData();
    const sheet = fake.spreadsheet.sheet('Đảng viên');
    const ratings = () =>
      raw(sheet.getRange('G4:G33'))
        .getValues()
        .map((r) => r[0]);
    expect(ratings().filter((r) => r === 'Hoan thanh nhiem vu')).toHaveLength(3);

    // google.script.run.fixLabels runs the built add-on's fixLabels in the host.
    const fixLabels = () => (addon.fixLabels as () => unknown)();
    const page = await openPage(browser, fake.ui.pages.at(-1)!.html, {}, { fixLabels });
    const button = page.locator('#fix');
    expect(await button.isVisible()).toBe(true);
    expect(await button.textContent()).toBe('Sửa chữ xếp loại (3 ô)');
    expect(vietnameseProblems([(await button.getAttribute('title'))!])).toEqual([]);
    await button.click();
    await page.waitForFunction(() => document.getElementById('status')!.textContent === 'Đã sửa 3 ô.');
    expect(await callsOf(page)).toEqual([{ name: 'fixLabels', args: [] }]);
    expect(await button.isDisabled()).toBe(true);
    expect(ratings().filter((r) => r === 'Hoan thanh nhiem vu')).toEqual([]);
    expect(ratings().filter((r) => r === 'Hoàn thành nhiệm vụ').length).toBeGreaterThanOrEqual(3);
    // The add-on checked again: the new sidebar has nothing left to fix.
    const again = await openPage(browser, fake.ui.pages.at(-1)!.html, {});
    expect(await again.locator('#fix').isHidden()).toBe(true);
    await again.close();
    await page.close();

    // A failure reaches the page as a message, and the button can be pressed again.
    const failing = await openPage(
      browser,
      fake.ui.pages.at(-2)!.html,
      {},
      {
        fixLabels: () => {
          throw new Error('Mất kết nối với bảng tính.');
        },
      },
    );
    await failing.locator('#fix').click();
    await failing.waitForFunction(
      () => document.getElementById('status')!.textContent !== 'Đang sửa chữ xếp loại…',
    );
    expect(await failing.textContent('#status')).toBe('Không sửa được: Mất kết nối với bảng tính.');
    expect(await failing.locator('#fix').isEnabled()).toBe(true);
    await failing.close();
  }, 30000);

  it('the sidebar says there is nothing to fix when the data is clean', async () => {
    const workbook = await unitWorkbook({
      code: 'DV01',
      name: 'Đảng bộ xã An Bình',
      year: 2023,
      members: validMembers(30),
    });
    const { fake, addon } = start({ workbook });
    addon.validateData();
    const page = await openPage(browser, fake.ui.pages.at(-1)!.html, {});
    expect(await page.textContent('#summary')).toBe('Không có lỗi nào.');
    expect(await page.textContent('#intro')).toBe('Dữ liệu không có lỗi, có thể gửi báo cáo.');
    expect(await page.locator('#issues li').count()).toBe(0);
    await page.close();
  }, 30000);

  it('the settings dialog shows the current settings and saves through google.script.run', async () => {
    const { fake, addon } = start();
    fake.documentProperties.setProperties({ 'xeploai.unitCode': 'DV01', 'xeploai.year': '2023' });
    addon.openSettings();
    const dialog = fake.ui.pages.at(-1)!;
    expect(dialog).toMatchObject({ kind: 'modal', title: 'Cài đặt' });

    const page = await openPage(browser, dialog.html, {
      saveSettings: {
        ok: false,
        problems: [{ field: 'year', message: 'Năm đánh giá phải là một năm như 2024.' }],
      },
    });
    expect(await page.inputValue('#apiUrl')).toBe(
      'https://asia-southeast1-demo-xeploai.cloudfunctions.net/api',
    );
    expect(await page.inputValue('#unitCode')).toBe('DV01');
    expect(await page.inputValue('#year')).toBe('2023');
    const labels = (await page.locator('body').innerText()).split('\n').filter((line) => line.trim());
    expect(labels).toEqual(
      expect.arrayContaining(['Địa chỉ máy chủ', 'Mã đơn vị', 'Mã tổ chức tổng hợp', 'Năm đánh giá']),
    );
    expect(vietnameseProblems(labels)).toEqual([]);
    await page.fill('#year', '20x4');
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('year-problem')!.textContent !== '');
    expect(await callsOf(page)).toEqual([
      {
        name: 'saveSettings',
        args: [
          {
            apiUrl: 'https://asia-southeast1-demo-xeploai.cloudfunctions.net/api',
            unitCode: 'DV01',
            orgCode: '',
            year: '20x4',
          },
        ],
      },
    ]);
    expect(await page.textContent('#year-problem')).toBe('Năm đánh giá phải là một năm như 2024.');
    await page.close();

    // The same form values, given to the add-on itself.
    expect(
      addon.saveSettings({
        apiUrl: 'https://asia-southeast1-demo-xeploai.cloudfunctions.net/api',
        unitCode: 'DV01',
        year: '20x4',
      }),
    ).toEqual({
      ok: false,
      problems: [{ field: 'year', message: 'Năm đánh giá phải là một năm như 2024.' }],
    });
  }, 30000);
});
