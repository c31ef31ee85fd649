// node dist/scripts/provision.cjs <spec.json> [--project <id>]
//   spec: { units: [{code, name, kind?}], users: [{email, role, units?}], years: [2024, {year: 2023, open: false}] }
// Without --project: the local Firestore emulator. With it: that real project's Firestore, with the
// Application Default Credentials (`gcloud auth application-default login`).
import { readFileSync } from 'node:fs';
import {
  EMULATOR_FIRESTORE_HOST,
  projectFirestore,
  provision,
  type ProvisionSpec,
} from './stack/provision-directory';

const USAGE = 'Cách dùng: node dist/scripts/provision.cjs <tệp-cấu-hình.json> [--project <mã dự án>]';

async function main(args: string[]): Promise<void> {
  const at = args.indexOf('--project');
  const project = at === -1 ? null : args[at + 1];
  const file = args.find((arg, index) => !arg.startsWith('--') && (at === -1 || index !== at + 1));
  if (!file || (at !== -1 && !project)) {
    console.error(USAGE);
    process.exit(2);
  }
  const spec = JSON.parse(readFileSync(file, 'utf8')) as ProvisionSpec;
  if (project === null) {
    await provision(spec);
  } else {
    const db = projectFirestore(project);
    if (!db.ok) {
      console.error(db.message);
      process.exit(2);
    }
    await provision(spec, db.firestore);
  }
  const where = project ?? process.env.FIRESTORE_EMULATOR_HOST ?? EMULATOR_FIRESTORE_HOST;
  console.log(
    `Đã ghi ${spec.units?.length ?? 0} đơn vị, ${spec.users?.length ?? 0} tài khoản, ${spec.years?.length ?? 0} năm vào ${where}.`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
