import { readDocumentProperties, writeDocumentProperties } from '../gateway/properties';
import { showDialog } from '../gateway/ui';
import { scriptJson } from '../layout/sidebar-items';
import { checkSettings, settingsFrom, settingsToProperties, type SettingsProblem } from '../settings';

/** Menu “Cài đặt”: a small dialog with the API address, the unit code and the year. */
export function openSettings(): void {
  const settings = settingsFrom(readDocumentProperties());
  showDialog({
    file: 'Settings',
    title: 'Cài đặt',
    data: { settingsJson: scriptJson(settings) },
    width: 460,
    height: 470,
  });
}

export type SaveSettingsResult = { ok: true; notices: string[] } | { ok: false; problems: SettingsProblem[] };

/** Called by the dialog through google.script.run. */
export function saveSettings(form: unknown): SaveSettingsResult {
  const checked = checkSettings(form);
  if (!checked.ok) return checked;
  writeDocumentProperties(settingsToProperties(checked.settings));
  return { ok: true, notices: checked.notices };
}
