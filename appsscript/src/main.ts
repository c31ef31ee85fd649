// Entry points of the add-on: every export becomes a top-level function of the pushed Code.js.
import { assignTargets as assignTargetsAction } from './actions/assign-targets';
import { computeSummary as computeSummaryAction } from './actions/compute-summary';
import { consolidateDistrict as consolidateDistrictAction } from './actions/consolidate-district';
import { createSuperiorSheets as createSuperiorSheetsAction } from './actions/create-superior-sheets';
import { createTemplate as createTemplateAction } from './actions/create-template';
import { sendReport as sendReportAction } from './actions/send-report';
import { openSettings as openSettingsAction } from './actions/settings-dialog';
import { validateData as validateDataAction } from './actions/validate-data';
import { installAddonMenu } from './gateway/ui';
import { menuAction } from './guard';
import { MENU } from './menu';

/** Builds the menu; runs in every auth mode, so it touches nothing but the Ui. */
export function onOpen(_event?: unknown): void {
  installAddonMenu(MENU);
}

export function onInstall(event?: unknown): void {
  onOpen(event);
}

export const createTemplate = menuAction('createTemplate', createTemplateAction);
export const validateData = menuAction('validateData', validateDataAction);
export const computeSummary = menuAction('computeSummary', computeSummaryAction);
export const sendReport = menuAction('sendReport', sendReportAction);
export const createSuperiorSheets = menuAction('createSuperiorSheets', createSuperiorSheetsAction);
export const assignTargets = menuAction('assignTargets', assignTargetsAction);
export const consolidateDistrict = menuAction('consolidateDistrict', consolidateDistrictAction);
export const openSettings = menuAction('openSettings', openSettingsAction);

// Called from the HTML pages through google.script.run.
export { saveSettings } from './actions/settings-dialog';
export { selectCell } from './actions/select-cell';
export { fixLabels } from './actions/fix-labels';
