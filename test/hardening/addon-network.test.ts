// The add-on's "Gửi báo cáo" with the network down, through the BUILT add-on and real HTTP to the local
// functions: UrlFetchApp failing before the request leaves (no route, DNS) or timing out after the server
// stored it (the answer lost). The user is told in Vietnamese that nothing was sent and the report is kept;
// a later click sends it once.
import { realHttp, type FetchHandler } from '../../scripts/addon-host';
import { signDevToken } from '../../scripts/dev-signing-key';
import { paths } from '../../functions/src/store/paths';
import { db, type Scope } from '../functions/emulator-firestore';
import { unitWorkbook, validMembers } from '../appsscript/fixtures';
import { start, userTexts, vietnameseProblems } from '../appsscript/harness';
import { sized, tryAll } from './record';
import { useScope } from './scope';

jest.setTimeout(300_000);

const YEAR = 2077;
const UNIT = 'NET01';
const user = 'net01@network.test';
const scope: Scope = { years: [YEAR], ids: [UNIT, user] };
const UNSENT = 'xeploai.unsentReport';

useScope(scope, {
  units: [{ code: UNIT, name: 'Đảng bộ xã An Bình', kind: 'Đảng bộ cơ sở' }],
  users: [{ email: user, role: 'unit', units: [UNIT] }],
  years: [YEAR],
});

const versions = async () => (await db().collection(paths.versions(YEAR, UNIT)).listDocuments()).length;

/** UrlFetchApp's own messages when the network fails (it adds "Exception: … : <url>" around them). */
const NETWORK_ERRORS = ['Address unavailable', 'DNS error', 'Timeout'];

interface NetworkState {
  down: false | 'before' | 'after';
  error: string;
}

/**
 * Real HTTP to the functions, except while `down`: then the request never leaves (`before`), or it reaches
 * the server and its answer is lost (`after`, a timeout on the way back).
 */
function network(state: NetworkState): FetchHandler {
  return (request) => {
    if (state.down === 'before') throw new Error(state.error);
    const reply = realHttp(request);
    if (state.down === 'after') throw new Error(state.error);
    return reply;
  };
}

let variant = 0;
/** A sheet with content of its own (each case makes a new version), signed in as the unit's user. */
async function sheet(state: NetworkState) {
  const members = validMembers(20 + (variant++ % 30));
  members[0] = { ...members[0], name: `Đảng viên lần ${variant}` };
  const started = start({
    workbook: await unitWorkbook({ code: UNIT, name: 'Đảng bộ xã An Bình', year: YEAR, members }),
    fetch: network(state),
  });
  started.fake.identityToken = () => signDevToken(user);
  started.fake.documentProperties.setProperties({ 'xeploai.apiUrl': process.env.XEPLOAI_API_URL ?? '' });
  return started;
}

/**
 * The user's message after a failed send: Vietnamese, saying it was not sent and that it is kept. A timed-out
 * request is tried twice (each waits UrlFetchApp's minute), any other network failure four times.
 */
function expectToldNotSent(message: string, error: string) {
  expect(message).toContain('Báo cáo CHƯA được gửi.');
  expect(message).toContain(`Không kết nối được máy chủ sau ${error === 'Timeout' ? 2 : 4} lần thử`);
  expect(message).toContain('đã được ghi nhớ trong bảng tính này. Hãy gửi lại sau.');
}

it('the network down for a whole click: told in Vietnamese, kept pending, nothing stored; the next click stores exactly one version', async () => {
  const cases = Array.from({ length: sized(3, 9) }, (_, i) => NETWORK_ERRORS[i % NETWORK_ERRORS.length]);
  await tryAll(
    'faults',
    'the add-on’s “Gửi báo cáo” with the network down (no route, DNS, timeout on every attempt) → a Vietnamese message, the report kept pending, nothing stored; once the network is back one click stores exactly one version',
    cases,
    async (error) => {
      const state: NetworkState = { down: 'before', error };
      const { fake, addon } = await sheet(state);
      const before = await versions();
      addon.sendReport();
      expectToldNotSent(fake.ui.alerts.at(-1)!.message, error);
      expect(fake.documentProperties.getProperty(UNSENT)).toContain('"error":"E_API_NETWORK"');
      expect(await versions()).toBe(before);

      state.down = false;
      addon.sendReport();
      expect(fake.ui.alerts.at(-1)!.message).toContain(`Phiên bản ${before + 1},`);
      expect(fake.documentProperties.getProperty(UNSENT)).toBeNull();
      expect(await versions()).toBe(before + 1);
      // Every attempt of the failed click and the retry carried one key.
      const keys = new Set(fake.urlFetch.requests.map((r) => r.headers['Idempotency-Key']));
      expect(keys.size).toBe(1);
      expect(vietnameseProblems(userTexts(fake))).toEqual([]);
    },
  );
});

it('the answer lost after the server stored the report: told it was not sent, and the later click gets the same version, stored once', async () => {
  const cases = Array.from({ length: sized(1, 3) }, (_, i) => i);
  await tryAll(
    'faults',
    'the add-on’s request reaching the server but its answer lost (timeout on the way back, 2 attempts) → told it was not sent and kept; the later click with the same Idempotency-Key gets the same version, stored once',
    cases,
    async () => {
      const state: NetworkState = { down: 'after', error: 'Timeout' };
      const { fake, addon } = await sheet(state);
      const before = await versions();
      addon.sendReport();
      expectToldNotSent(fake.ui.alerts.at(-1)!.message, state.error);
      expect(await versions()).toBe(before + 1);

      state.down = false;
      addon.sendReport();
      expect(fake.urlFetch.requests.at(-1)!.status).toBe(200);
      expect(fake.ui.alerts.at(-1)!.message).toContain(`Phiên bản ${before + 1},`);
      expect(fake.documentProperties.getProperty(UNSENT)).toBeNull();
      expect(await versions()).toBe(before + 1);
      expect(vietnameseProblems(userTexts(fake))).toEqual([]);
    },
  );
});
