// One cold start of the built add-on in a process of its own (spawned by bench/suites/addon.ts): load
// Code.js into a fresh V8 context, then run onOpen. Prints the milliseconds.
import { createAddonHost } from '../scripts/addon-host';
import { elapsedMs } from './suites/stats';

const started = process.hrtime.bigint();
const host = createAddonHost();
const loaded = elapsedMs(started);
host.run('onOpen');
process.stdout.write(JSON.stringify({ loadMs: loaded, loadAndOnOpenMs: elapsedMs(started) }) + '\n');
