/** `npm run cli -- people import FILE --branch ORG_ID [--dry-run]`: the web preview's verdicts, on the command line. */
import { beforeAll, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { forEachDb } from '../support/db';
import { officeMemberList } from '../support/member-list';
import { orgId, seedDemo, BRANCH_1 } from './people-support';
import { peopleCommands } from '../../src/cli/commands/people';

forEachDb('people import (CLI)', (ctx) => {
  let branch: string;
  const tag = Math.random().toString(36).slice(2, 6);
  const dir = mkdtempSync(path.join(tmpdir(), 'cs-cli-'));
  beforeAll(async () => {
    await seedDemo(ctx.db);
    branch = await orgId(ctx.db, BRANCH_1);
  });

  async function run(args: string[], options: Record<string, string | boolean>) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await peopleCommands['people import'].run({
      positionals: args,
      options,
      db: async () => ctx.db,
      out: (l) => out.push(l),
      err: (l) => err.push(l)
    });
    return { code, out, err };
  }

  const people = async () =>
    (await ctx.db.selectFrom('person').select('full_name').where('full_name', 'like', `%${tag}`).execute()).map(
      (p) => p.full_name
    );

  it('prints every row’s verdict; --dry-run writes nothing; all-or-nothing unless --only-good', async () => {
    const file = path.join(dir, 'ds.xlsx');
    writeFileSync(
      file,
      await officeMemberList([
        { name: `Lò Thị ${tag}`, born: 1950, village: 'Bản Mẫu Một', phone: 912345678, joined: '5/3/2015' },
        { name: `Tòng Văn ${tag}`, born: 1952, village: `Bản Cờ Lả`, joined: '2016' },
        { name: `Sai ${tag}`, born: 1950, village: 'Bản Mẫu Một', joined: '31/02/2015' }
      ])
    );
    const dry = await run([file], { branch, 'dry-run': true });
    expect(dry.code).toBe(0);
    expect(dry.out[0]).toMatch(/^Dòng 7: Sẵn sàng nhập$/);
    expect(dry.out[1]).toMatch(/^Dòng 8: Có lỗi — .*Thôn, bản này chưa có trong danh mục/);
    expect(dry.out[2]).toMatch(/^Dòng 9: Có lỗi — .*Ngày vào Hội/);
    expect(dry.out).toContain('? “Bản Cờ Lả” — các dòng 8');
    expect(await people()).toEqual([]);

    const all = await run([file], { branch, 'create-villages': true });
    expect(all.code).toBe(1);
    expect(all.err).toEqual(['Tệp có lỗi, chưa nhập dòng nào.']);
    expect(await people()).toEqual([]);

    const good = await run([file], { branch, 'create-villages': true, 'only-good': true });
    expect(good.code).toBe(0);
    expect(good.out[1]).toBe('Dòng 8: Sẵn sàng (thôn, bản mới) — Sẽ tạo thôn, bản mới “Bản Cờ Lả”.');
    expect(good.out.at(-1)).toBe('Đã nhập 2 người.');
    expect((await people()).sort()).toEqual([`Lò Thị ${tag}`, `Tòng Văn ${tag}`].sort());
  });

  it('refuses an unknown branch and a file that is not a spreadsheet', async () => {
    const file = path.join(dir, 'x.xlsx');
    writeFileSync(file, 'not a spreadsheet');
    expect((await run([file], { branch })).err[0]).toContain('Không đọc được tệp');
    expect((await run([file], { branch: 'no-such-org' })).code).toBe(1);
  });
});
