/**
 * Section II.7 "Thi đua, khen thưởng" of a report: registrations for the emulation titles,
 * the members, households and branches that reached one, and the awards decided in the
 * period by form — from the emulation module's own pre-aggregate (emulationFigures), over the
 * same months as the indicators. Only when there is something to say: a Hội that ran no
 * emulation gets no empty rows.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { emulationFigures } from '$lib/server/emulation/figures.service';
import * as m from '$lib/paraglide/messages';
import type { OrgScope } from '$lib/server/access/access';
import type { Figure } from '$lib/shared/reporting/figures';
import type { Members } from './outcome-figures';
import { emulationCells } from './reporting.repository';

const vi = { locale: 'vi' as const };

const PASSED: Record<string, string> = {
  person: 'Số hội viên đạt danh hiệu thi đua',
  household: 'Số hộ gia đình đạt danh hiệu thi đua',
  branch: 'Số chi hội đạt danh hiệu thi đua'
};
const UNIT: Record<string, string> = { person: 'người', household: 'hộ', branch: 'chi hội' };

const formName = (form: string) => {
  const msg = (m as unknown as Record<string, ((p: object, o: typeof vi) => string) | undefined>)[`emu_form_${form}`];
  return msg ? msg({}, vi) : form;
};

export async function emulationReportFigures(
  db: Db,
  actor: Actor,
  orgId: string,
  months: { from: string; to: string } | null,
  orgs: OrgScope,
  members: Members
): Promise<Figure[]> {
  if (!months) return [];
  const e = await emulationFigures(db, actor, orgId, months.from, months.to);
  if (!e) return [];
  const rows = await perMember(db, orgs, months, members);
  const link = (ind: string, kind?: string) =>
    `/thi-dua/chi-so?${new URLSearchParams({ org: orgId, from: months.from, to: months.to, ind, ...(kind ? { kind } : {}) })}`;
  const figure = (code: string, name: string, unit: string, value: number, href: string | null): Figure => ({
    code,
    name,
    unit,
    value,
    target: null,
    percent: null,
    link: href,
    children: members.children.map((c) => ({ id: c.id, name: c.name, value: rows.get(`${code}|${c.id}`) ?? 0 }))
  });
  const registered = e.bySubject.reduce((t, s) => t + s.registered, 0);
  if (!registered && !e.awards.length && !e.bySubject.some((s) => s.passed)) return [];
  return [
    figure('emu_registered', 'Số lượt đăng ký thi đua', 'lượt', registered, link('registered')),
    ...e.bySubject.map((s) =>
      figure(`emu_passed_${s.kind}`, PASSED[s.kind] ?? s.kind, UNIT[s.kind] ?? '', s.passed, link('passed', s.kind))
    ),
    ...e.awards.map((a) =>
      figure(`award:${a.form}`, `Khen thưởng: ${formName(a.form)}`, 'lượt', a.count, link(`award:${a.form}`))
    )
  ];
}

/** Member unit × figure code → value, from the cells of the units' organisations. */
async function perMember(db: Db, orgs: OrgScope, months: { from: string; to: string }, members: Members) {
  const cells = await emulationCells(db, orgs, months.from, months.to);
  const childOf = await members.placeAll(cells.map((c) => c.org));
  const out = new Map<string, number>();
  const add = (code: string, child: string, n: number) =>
    out.set(`${code}|${child}`, (out.get(`${code}|${child}`) ?? 0) + n);
  for (const c of cells) {
    const child = childOf.get(c.org);
    if (!child) continue;
    if (c.code === 'registered') add('emu_registered', child, c.n);
    else if (c.code === 'passed') add(`emu_passed_${c.kind}`, child, c.n);
    else if (c.code.startsWith('award:')) add(c.code, child, c.n);
  }
  return out;
}
