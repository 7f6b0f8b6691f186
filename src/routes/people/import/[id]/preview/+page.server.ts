import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { formValues, validate } from '$lib/server/forms';
import { z } from 'zod';
import { failFromError, formAction, loadOr404, postedForm } from '$lib/server/http';
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
  confirm: async ({ request, locals, params }) => {
    const values = formValues(await postedForm(request));
    const parsed = validate(confirmSchema, values);
    if (!parsed.ok) return fail(400, { action: 'confirm', values, errors: parsed.errors });
    let count: number;
    try {
      count = await confirmImport(locals.db, locals.actor, params.id, {
        onlyGood: parsed.data.only_good === '1',
        include: parsed.data.include.map(Number)
      });
    } catch (e) {
      if (!(e instanceof ImportRejected)) return failFromError(e, values, 'confirm');
      const p = await previewImport(locals.db, locals.actor, params.id);
      return fail(400, {
        action: 'confirm',
        problems: e.problems.map((x) => problemMessage(x, p.sheet.headers, p.mapping))
      });
    }
    redirect(303, localizeHref(`/people?imported=${count}`));
  }
};
