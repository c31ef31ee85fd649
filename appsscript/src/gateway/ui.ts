import { activeSpreadsheet } from './workbook';

/** Dialogs, toasts and HtmlService pages: the only user interface the add-on shows. */
export function alert(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

export function toast(message: string, title: string): void {
  activeSpreadsheet().toast(message, title, 10);
}

export interface HtmlPage {
  /** File name in the pushed project, without .html. */
  file: string;
  title: string;
  /** Values the page's `<?!= … ?>` scriptlets print. */
  data: Record<string, string>;
  width?: number;
  height?: number;
}

function render(page: HtmlPage): GoogleAppsScript.HTML.HtmlOutput {
  const template = HtmlService.createTemplateFromFile(page.file);
  for (const [key, value] of Object.entries(page.data)) template[key] = value;
  const output = template.evaluate().setTitle(page.title);
  if (page.width) output.setWidth(page.width);
  if (page.height) output.setHeight(page.height);
  return output;
}

export function showSidebar(page: HtmlPage): void {
  SpreadsheetApp.getUi().showSidebar(render(page));
}

export function showDialog(page: HtmlPage): void {
  SpreadsheetApp.getUi().showModalDialog(render(page), page.title);
}

export interface MenuItem {
  caption: string;
  functionName: string;
}

export interface MenuSection {
  caption?: string;
  items: MenuItem[];
}

/** The add-on menu: top-level sections separated by a line; a section with a caption is a submenu. */
export function installAddonMenu(sections: MenuSection[]): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createAddonMenu();
  sections.forEach((section, index) => {
    if (index > 0) menu.addSeparator();
    if (section.caption) {
      const sub = ui.createMenu(section.caption);
      for (const item of section.items) sub.addItem(item.caption, item.functionName);
      menu.addSubMenu(sub);
    } else {
      for (const item of section.items) menu.addItem(item.caption, item.functionName);
    }
  });
  menu.addToUi();
}
