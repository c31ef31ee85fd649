import {
  createAddonHost,
  type Addon,
  type CallKind,
  type FakeAppsScript,
  type FakeOptions,
  type MenuEntry,
} from '../../scripts/addon-host';

/** The built add-on in a fresh host; `fake` is its services, `addon` its top-level functions. */
export function start(options: FakeOptions = {}): { fake: FakeAppsScript; addon: Addon } {
  const { fetch, ...rest } = options;
  const host = createAddonHost({ ...rest, urlFetch: fetch });
  return { fake: host.services, addon: host.addon };
}

/** Runs one add-on function and returns the service calls it made. */
export function counted(
  fake: FakeAppsScript,
  run: () => void,
): { total: number; calls: Record<string, number> } {
  fake.counter.reset();
  run();
  const calls = fake.counter.snapshot();
  fake.counter.reset();
  return { total: Object.values(calls).reduce((a, b) => a + b, 0), calls };
}

/** Runs one add-on function; its calls by name and by kind (round trips apart from builder and metadata). */
export function countedByKind(
  fake: FakeAppsScript,
  run: () => void,
): { calls: Record<string, number>; kinds: Record<CallKind, number> } {
  fake.counter.reset();
  run();
  const result = { calls: fake.counter.snapshot(), kinds: fake.counter.byKind() };
  fake.counter.reset();
  return result;
}

function menuCaptions(entries: MenuEntry[]): string[] {
  return entries.flatMap((e) =>
    e.separator ? [] : [e.caption, ...(e.submenu ? menuCaptions(e.submenu) : [])],
  );
}

/** Everything the add-on showed a user: alerts, toasts, menus, page titles. */
export function userTexts(fake: FakeAppsScript): string[] {
  return [
    ...fake.ui.alerts.flatMap((a) => [a.title, a.message]),
    ...fake.toasts.flatMap((t) => [t.title, t.message]),
    ...fake.ui.menus.flatMap((m) => menuCaptions(m.entries)),
    ...fake.ui.pages.map((p) => p.title),
  ].filter((t) => t !== '');
}

const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
/** Words that would betray an English or diacritic-less message. */
const FOREIGN_WORDS =
  /\b(error|failed|please|the|sheet|cannot|invalid|exception|loi|kiem tra|bao cao|tong hop|chua|khong|cai dat)\b/i;

/** Each text is Vietnamese with its diacritics, in NFC. */
export function vietnameseProblems(texts: string[]): string[] {
  return texts.filter((t) => t.normalize('NFC') !== t || !VIETNAMESE_LETTER.test(t) || FOREIGN_WORDS.test(t));
}
