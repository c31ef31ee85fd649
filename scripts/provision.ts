// node dist/scripts/provision.cjs <spec.json>     spec: { units: [{code, name, kind?}], users: [{email, role, units?}],
//                                                         years: [2024, {year: 2023, open: false}] }
import { readFileSync } from 'node:fs';
import { EMULATOR_FIRESTORE_HOST, provision, type ProvisionSpec } from './stack/provision-directory';

async function main(file: string | undefined): Promise<void> {
  if (!file) {
    console.error('Cách dùng: node dist/scripts/provision.cjs <tệp-cấu-hình.json>');
    process.exit(2);
  }
  const host = process.env.FIRESTORE_EMULATOR_HOST ?? EMULATOR_FIRESTORE_HOST;
  const spec = JSON.parse(readFileSync(file, 'utf8')) as ProvisionSpec;
  await provision(spec);
  console.log(
    `Đã ghi ${spec.units?.length ?? 0} đơn vị, ${spec.users?.length ?? 0} tài khoản, ${spec.years?.length ?? 0} năm vào ${host}.`,
  );
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
