import { z } from 'zod';
import { formAction, loadOr404 } from '$lib/server/http';
import { list } from '$lib/server/fields';
import { t } from '$lib/server/i18n';
import { confirmImport, ImportRejected, previewImport, saveVillageDecisions } from '$lib/server/people/import.service';
import { problemMessage } from '$lib/server/people/import/labels';
import { verdictNote } from '$lib/server/people/import/bad-rows';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const p = await loadOr404(() => previewImport(locals.db, locals.actor, params.id));
  const count = (fate: string) => p.verdicts.filter((v) => v.fate === fate).length;
  return {
    upload: p.upload,
    headerRow: p.sheet.headerRow,
    footerRow: p.sheet.footerRow,
    communeName: p.communeName ?? t('shell_import_commune_unknown'),
    villages: p.villages.map((v) => ({ id: v.id, name: v.name })),
    unknownVillages: p.unknownVillages.map((u) => ({
      ...u,
      choice: p.villageDecisions[u.key]
        ? p.villageDecisions[u.key].kind === 'create'
          ? 'create'
          : (p.villageDecisions[u.key] as { unitId: string }).unitId
        : ''
    })),
    rows: p.verdicts.map((v) => ({
      row: v.row,
      fate: v.fate,
      full_name: v.person.full_name,
      birth_year: v.person.birth_year,
      village: v.person.village_name ?? '',
      phone: v.person.phone ?? '',
      joined_on: v.person.joined_on,
      note: verdictNote(v, p.sheet.headers, p.mapping)
    })),
    counts: {
      total: p.verdicts.length,
      ready: count('ok') + count('new_village'),
      duplicates: count('duplicate'),
      errors: count('error')
    }
  };
};

const villagesSchema = z.record(z.string(), z.string());
const confirmSchema = z.object({ only_good: z.string().optional(), include: list(z.string().regex(/^\d+$/)) });

export const actions: Actions = {
  villages: formAction({
    name: 'villages',
    schema: villagesSchema,
    // Each unknown village posts `village_<key>` = 'create' | an existing village id | ''.
    prepare: (values) =>
      Object.fromEntries(
        Object.entries(values)
          .filter(([k]) => k.startsWith('village_'))
          .map(([k, v]) => [k.slice('village_'.length), String(v)])
      ),
    run: ({ db, actor, data, event }) => saveVillageDecisions(db, actor, event.params.id!, data)
  }),
  confirm: formAction({
    name: 'confirm',
    schema: confirmSchema,
    run: ({ db, actor, data, event }) =>
      confirmImport(db, actor, event.params.id!, {
        onlyGood: data.only_good === '1',
        include: data.include.map(Number)
      }),
    // An all-or-nothing import refused: the page lists each wrong row by its line in the sheet.
    withFailure: async (_, event, e) => {
      if (!(e instanceof ImportRejected)) return {};
      const p = await previewImport(event.locals.db, event.locals.actor, event.params.id!);
      return { problems: e.problems.map((x) => problemMessage(x, p.sheet.headers, p.mapping)) };
    },
    redirectTo: (count) => `/people?imported=${count}`
  })
};
