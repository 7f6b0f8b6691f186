/**
 * Role × scope × action matrix on the demo organisation trees. A grant covers its
 * organisation's subtree and nothing else: a commune officer never reaches a sibling commune.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import { inScope } from '../../src/lib/server/access/access';
import type { Action } from '../../src/lib/shared/roles';

const ORGS = {
  province: 'Hội Người cao tuổi tỉnh Lai Châu',
  doanKet: 'Hội Người cao tuổi phường Đoàn Kết',
  doanKetBranch: 'Chi hội NCT Bản Mẫu Một (demo)',
  binhLu: 'Hội Người cao tuổi xã Bình Lư',
  binhLuBranch: 'Chi hội NCT Bản Mẫu Ba (demo)',
  rangers: 'Chi cục Kiểm lâm tỉnh Lai Châu'
} as const;
type Org = keyof typeof ORGS;

// [username, action, organisation, allowed]
const MATRIX: [string, Action, Org, boolean][] = [
  ['canbo.doanket', 'org.read', 'doanKet', true],
  ['canbo.doanket', 'org.read', 'doanKetBranch', true],
  ['canbo.doanket', 'org.write', 'doanKetBranch', true],
  ['canbo.doanket', 'person.write', 'doanKetBranch', true],
  ['canbo.doanket', 'org.read', 'binhLu', false],
  ['canbo.doanket', 'org.read', 'binhLuBranch', false],
  ['canbo.doanket', 'org.write', 'binhLuBranch', false],
  ['canbo.doanket', 'person.read', 'binhLuBranch', false],
  ['canbo.doanket', 'org.read', 'province', false],
  ['canbo.binhlu', 'person.read', 'doanKetBranch', false],
  ['canbo.binhlu', 'person.read', 'binhLuBranch', true],
  ['canbo.tinh', 'org.write', 'binhLuBranch', true],
  ['canbo.tinh', 'person.read', 'doanKetBranch', true],
  ['canbo.tinh', 'org.read', 'rangers', false],
  ['chihoi.truong', 'person.write', 'doanKetBranch', true],
  ['chihoi.truong', 'person.read', 'doanKet', false],
  ['chihoi.truong', 'org.write', 'doanKetBranch', false],
  ['hoivien', 'person.read', 'doanKetBranch', false],
  ['kiemlam', 'org.read', 'rangers', true],
  ['kiemlam', 'org.read', 'doanKet', false],
  ['kiemlam', 'person.read', 'doanKetBranch', false],
  ['lanhdao', 'org.read', 'binhLuBranch', true],
  ['lanhdao', 'org.write', 'binhLuBranch', false],
  ['lanhdao', 'person.read', 'binhLuBranch', false],
  ['baomat', 'person.read', 'doanKetBranch', false],
  ['quantri', 'org.write', 'binhLuBranch', true],
  ['quantri', 'person.sensitive', 'doanKetBranch', true],
  ['quantri', 'org.write', 'rangers', true]
];

forEachDb('access matrix', (ctx) => {
  const ids = {} as Record<Org, string>;
  beforeAll(async () => {
    await seedDemo(ctx.db);
    for (const [key, name] of Object.entries(ORGS)) ids[key as Org] = await orgId(ctx.db, name);
  });

  it.each(MATRIX)('%s may %s on %s: %s', async (username, action, org, allowed) => {
    const actor = await actorFor(ctx.db, username);
    expect(await inScope(ctx.db, actor, action, ids[org])).toBe(allowed);
  });
});
