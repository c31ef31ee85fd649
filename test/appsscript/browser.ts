export {
  callsOf,
  openPage,
  type ScriptCall,
  type ScriptServer,
} from '../../scripts/browser/apps-script-page';
export { launchChromium } from '../../scripts/browser/chromium';
