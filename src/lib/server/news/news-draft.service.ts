/**
 * A news item pre-filled from the record it tells about. The text is in Vietnamese (the public
 * language of the association's news) and says only what the public may know: counts, places,
 * topics, a model's results, a published report's public description and outcome. Attendees'
 * names, reporters and their identities are never read, so they cannot leak into a draft.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { requireAction, scopeSubquery } from '$lib/server/access/access';
import { notFound } from '$lib/server/errors';
import { formatDate, formatNumber, todayVn } from '$lib/shared/format';
import { vi } from '$lib/server/i18n';
import * as repo from './news-source.repository';
import type { NewsSourceType } from './news.schema';
import { WRITE_NEWS } from './news.policy';

export interface SourcePhoto {
  mediaId: string;
  mediaKind: 'program_media' | 'attachment';
  publicPath: string;
  mime: string;
}

export interface NewsDraft {
  sourceType: NewsSourceType;
  sourceId: string;
  organisationId: string;
  /** the commune the news is about (its page and feed); null for the whole province */
  communeId: string | null;
  title: string;
  summary: string;
  body: string;
  photos: SourcePhoto[];
}

/** The commune a record's place belongs to (a village's commune; nothing above communes). */
const communeOf = (u: { unit_level: string; unit_parent_id: string | null }, unitId: string) =>
  u.unit_level === 'commune' ? unitId : u.unit_level === 'village' ? u.unit_parent_id : null;

const paragraphs = (...parts: (string | null | false)[]) => parts.filter(Boolean).join('\n\n');

async function fromActivity(db: Db, actor: Actor, id: string): Promise<NewsDraft> {
  const a = await repo.activityFacts(db, id, scopeSubquery(db, actor, WRITE_NEWS));
  if (!a) throw notFound();
  const [topics, photos] = await Promise.all([repo.activityTopicNames(db, id), repo.activityPhotos(db, id)]);
  const kind = vi(`program_kind_${a.kind}`);
  const summary = vi('pub_tpl_activity_summary', {
    date: formatDate(a.started_on),
    org: a.org_name,
    kind: kind.toLowerCase(),
    place: a.unit_name,
    count: formatNumber(a.count_total),
    elderly: formatNumber(a.count_elderly)
  });
  return {
    sourceType: 'activity',
    sourceId: a.id,
    organisationId: a.organisation_id,
    communeId: communeOf(a, a.admin_unit_id),
    title: vi('pub_tpl_activity_title', { kind, place: a.unit_name }),
    summary,
    body: paragraphs(
      summary,
      topics.length > 0 && vi('pub_tpl_topics', { topics: topics.join(', ') }),
      !!a.partners && vi('pub_tpl_partners', { partners: a.partners })
    ),
    photos: photos.map((p) => ({ mediaId: p.id, mediaKind: 'program_media', publicPath: p.public_path, mime: p.mime }))
  };
}

async function fromModel(db: Db, actor: Actor, id: string): Promise<NewsDraft> {
  const model = await repo.modelFacts(db, id, scopeSubquery(db, actor, WRITE_NEWS));
  if (!model) throw notFound();
  const results = await repo.modelResults(db, id);
  const summary = vi('pub_tpl_model_summary', {
    date: formatDate(model.started_on),
    org: model.org_name,
    name: model.name,
    people: formatNumber(model.people_involved ?? 0)
  });
  const lines = results.map((r) => `– ${r.description}: ${formatNumber(r.quantity)} ${r.unit}`);
  return {
    sourceType: 'model',
    sourceId: model.id,
    organisationId: model.organisation_id,
    communeId: communeOf(model, model.admin_unit_id),
    title: vi('pub_tpl_model_title', { name: model.name, place: model.unit_name }),
    summary,
    body: paragraphs(
      summary,
      lines.length > 0 && `${vi('pub_tpl_results')}\n${lines.join('\n')}`,
      !!model.recognised_by && vi('pub_tpl_recognised', { by: model.recognised_by })
    ),
    photos: []
  };
}

async function fromReport(db: Db, actor: Actor, id: string): Promise<NewsDraft> {
  const r = await repo.handledPublicReport(db, id, scopeSubquery(db, actor, WRITE_NEWS));
  if (!r || !r.commune_org_id) throw notFound();
  const photos = await repo.approvedReportPhotos(db, id);
  const place = r.unit_name ?? '';
  const summary = vi('pub_tpl_report_summary', {
    category: r.category_vi.toLowerCase(),
    place,
    received: formatDate(todayVn(new Date(r.created_at))),
    agency: r.agency_name ?? '',
    resolved: r.resolved_at ? formatDate(todayVn(new Date(r.resolved_at))) : ''
  });
  return {
    sourceType: 'report',
    sourceId: r.id,
    organisationId: r.commune_org_id,
    communeId: r.commune_unit_id,
    title: vi('pub_tpl_report_title', { category: r.category_vi, place }),
    summary,
    body: paragraphs(summary, vi('pub_tpl_report_description', { description: r.description })),
    photos: photos.map((p) => ({ mediaId: p.id, mediaKind: 'attachment', publicPath: p.public_path!, mime: p.mime }))
  };
}

/** Who was honoured, as the honour board names them (a person, a household or a branch). */
export const awardeeName = (a: {
  subject_kind: string;
  person_name: string | null;
  household_name: string | null;
  subject_org_name: string | null;
}) =>
  (a.subject_kind === 'person'
    ? a.person_name
    : a.subject_kind === 'household'
      ? a.household_name
      : a.subject_org_name) ?? '';

async function fromAward(db: Db, actor: Actor, id: string): Promise<NewsDraft> {
  const [a] = await repo.publicAwardFacts(db, id, scopeSubquery(db, actor, WRITE_NEWS));
  if (!a) throw notFound();
  const name = awardeeName(a);
  const form = vi(`emu_form_${a.award_form}`);
  const summary = vi('public_tpl_award_summary', {
    date: formatDate(a.decided_on),
    by: a.granted_by,
    number: a.decision_number,
    form,
    name,
    org: a.org_name,
    campaign: a.campaign_name
  });
  return {
    sourceType: 'award',
    sourceId: a.id,
    organisationId: a.organisation_id,
    communeId: a.admin_unit_id
      ? communeOf(a as { unit_level: string; unit_parent_id: string | null }, a.admin_unit_id)
      : null,
    title: vi('public_tpl_award_title', { name, form }),
    summary,
    body: paragraphs(summary, !!a.story && a.story),
    photos: []
  };
}

const BUILDERS: Record<NewsSourceType, (db: Db, actor: Actor, id: string) => Promise<NewsDraft>> = {
  activity: fromActivity,
  model: fromModel,
  report: fromReport,
  award: fromAward
};

/** The pre-filled draft; another scope's record, or a report not yet published and handled, is a 404. */
export async function draftFrom(db: Db, actor: Actor, type: NewsSourceType, id: string): Promise<NewsDraft> {
  requireAction(actor, WRITE_NEWS);
  return BUILDERS[type](db, actor, id);
}

/** Recent records the officer may start a news item from. */
export async function startingPoints(db: Db, actor: Actor, limit = 8) {
  requireAction(actor, WRITE_NEWS);
  return repo.recentSources(db, scopeSubquery(db, actor, WRITE_NEWS), limit);
}
