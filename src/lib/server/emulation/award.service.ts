/**
 * Nominations up the chain, award decisions, revocation and consent to publication.
 * - A level nominates a candidate its council passed to a level above it that may grant the
 *   form, or, for a collective of the environment sector, to its own Sở (the competent
 *   authority for the department head's Giấy khen, outside the association's chain); a level
 *   cannot grant (nor be asked for) a form it has no authority for.
 * - A decision is numbered in the issuer's document register and lists what it grants, with
 *   cash as a multiple of the configured base salary.
 * - One achievement, one form: a campaign's result for one subject is rewarded once; a
 *   revoked award keeps its record and reason, and frees the achievement again.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { inScope, requireAction, scopeSubquery } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { config } from '$lib/server/config';
import { formatDate, todayVn } from '$lib/shared/format';
import { cashAmount, mayGrant } from '$lib/shared/emulation/rules';
import { issueDocument, type DocumentSpec } from '$lib/server/documents';
import * as regs from './registration.repository';
import * as repo from './award.repository';
import { withEmuCells } from './aggregate.repository';
import { decisionSpec } from './dossier.service';
import { unpublishAwardNews } from '$lib/server/news/news.service';
import type { DecisionInput, NominateInput } from './emulation.schema';
import { DECIDE, MANAGE, READ, REGISTER } from './policy';

const invalid = (field: string, key: string) => new AppError('VALIDATION', key, { field });

export const achievementKey = (r: { campaign_id: string; subject_key: string }) => `${r.campaign_id}:${r.subject_key}`;

/** Where the candidate was voted on: the organisation of its latest council vote. */
async function councilOrgOf(db: Db, registrationId: string): Promise<string | null> {
  const votes = await regs.votesOf(db, [registrationId]);
  return votes.at(-1)?.organisation_id ?? null;
}

type Registration = NonNullable<Awaited<ReturnType<typeof regs.findCandidate>>>;

/** May the nomination go to `toId`: a level above the council, or the collective's own Sở. */
async function mayReceive(db: Db, r: Registration, from: string, toId: string): Promise<boolean> {
  if (toId !== from && (await regs.isAncestor(db, toId, from))) return true;
  if (r.subject_kind !== 'env_collective' || !r.subject_org_id) return false;
  return (await regs.departmentsOver(db, r.subject_org_id)).some((d) => d.id === toId);
}

export async function nominate(db: Db, actor: Actor, input: NominateInput, now = new Date()): Promise<string> {
  requireAction(actor, MANAGE);
  const r = await regs.findCandidate(db, input.registration_id);
  const from = r ? await councilOrgOf(db, r.id) : null;
  if (!r || !from || !(await inScope(db, actor, MANAGE, from))) throw notFound();
  if (r.result !== 'passed' || r.status !== 'published') throw invalid('registration_id', 'emu_err_not_passed');
  if (!r.appeal_until || todayVn(now) < r.appeal_until) throw invalid('registration_id', 'emu_err_appeal_window');
  const to = await regs.orgFacts(db, input.to_org_id);
  if (!to || !(await mayReceive(db, r, from, to.id))) throw invalid('to_org_id', 'emu_err_not_above');
  if (!mayGrant(to.type, input.award_form)) throw invalid('award_form', 'emu_err_authority');
  // A nomination for an achievement already rewarded could never be granted (one achievement, one form).
  await refuseIfAwarded(db, r, 'award_form');
  const existing = await repo.pendingNomination(db, r.id, input.award_form, to.id);
  if (existing) return existing.id;
  const id = newId();
  await db.transaction().execute(async (tx) => {
    await repo.insertNomination(tx, {
      id,
      ...input,
      from_org_id: from,
      to_org_id: to.id,
      status: 'pending',
      created_by: actor.accountId,
      created_at: nowIso()
    });
    await audit(tx, actor, {
      action: 'emu.nominate',
      entityType: 'emu_registration',
      entityId: r.id,
      organisationId: from,
      after: { ...input, from }
    });
  });
  return id;
}

/** Nominations waiting at the levels the actor manages; `q` narrows by the sending or nominated organisation's name. */
export async function nominationsFor(db: Db, actor: Actor, campaignId?: string, q = '') {
  requireAction(actor, READ);
  return repo.nominationsTo(db, scopeSubquery(db, actor, DECIDE), campaignId, q);
}

/** One achievement, one form: refused while an unrevoked award holds it, naming that decision. */
async function refuseIfAwarded(db: Db, r: Registration, field: string): Promise<void> {
  const held = await repo.activeAwardFor(db, achievementKey(r));
  if (held)
    throw new AppError('CONFLICT', 'fix10_err_already_awarded', {
      field,
      number: held.decision_number,
      date: formatDate(held.decided_on)
    });
}

type Candidate = Registration & { nominationId: string | null };

/** A candidate this level may decide on: nominated to it for the form, or passed by its own council. */
async function decidable(db: Db, issuer: string, form: string, id: string, now: Date): Promise<Candidate> {
  const r = await regs.findCandidate(db, id);
  if (!r || r.result !== 'passed') throw invalid('registration_ids', 'emu_err_not_passed');
  // Already rewarded says so first, by which decision: its nomination is no longer pending.
  await refuseIfAwarded(db, r, 'registration_ids');
  const nomination = await repo.pendingNomination(db, id, form, issuer);
  if (!nomination && (await councilOrgOf(db, id)) !== issuer)
    throw invalid('registration_ids', 'emu_err_not_nominated');
  // A level rewarding its own council's result waits, as a nomination does, for the result to be
  // published and the appeal window to close: those evaluated may still contest it.
  if (!nomination && (r.status !== 'published' || !r.appeal_until || todayVn(now) < r.appeal_until))
    throw invalid('registration_ids', 'emul_err_decide_appeal');
  return { ...r, nominationId: nomination?.id ?? null };
}

/** Issues an award decision (quyết định khen thưởng) for some candidates, numbered in the register. */
export async function decide(db: Db, actor: Actor, input: DecisionInput, now = new Date()) {
  requireAction(actor, DECIDE);
  if (!(await inScope(db, actor, DECIDE, input.organisation_id)))
    throw invalid('organisation_id', 'emu_err_organisation');
  const issuer = await regs.orgFacts(db, input.organisation_id);
  if (!issuer || !mayGrant(issuer.type, input.award_form)) throw invalid('award_form', 'emu_err_authority');
  const candidates: Candidate[] = [];
  for (const id of input.registration_ids) candidates.push(await decidable(db, issuer.id, input.award_form, id, now));
  const spec = await decisionSpec(
    db,
    input,
    candidates.map((c) => c.id)
  );
  return db.transaction().execute((tx) =>
    withEmuCells(
      tx,
      candidates.map((c) => c.id),
      () => writeDecision(tx, actor, input, candidates, spec, issuer.id, now)
    )
  );
}

async function writeDecision(
  tx: Db,
  actor: Actor,
  input: DecisionInput,
  candidates: Candidate[],
  spec: DocumentSpec,
  issuerId: string,
  now: Date
) {
  const doc = await issueDocument(
    tx,
    actor,
    { spec, links: candidates.map((c) => ({ entityType: 'emu_registration', entityId: c.id })), right: DECIDE },
    now
  );
  const awardIds: string[] = [];
  for (const c of candidates) {
    const cash = cashAmount(input.award_form, c.subject_kind !== 'person', config.BASE_SALARY_VND);
    const id = newId();
    await repo.insertAward(tx, {
      id,
      registration_id: c.id,
      nomination_id: c.nominationId,
      award_form: input.award_form,
      granted_by_org_id: issuerId,
      achievement_key: achievementKey(c),
      decision_id: doc.id,
      decision_number: doc.numberText,
      decided_on: doc.issuedOn,
      signer_name: input.signer_name,
      cash_multiple: cash.multiple,
      cash_amount: cash.amount,
      story: null,
      public_consent_on: null,
      consent_withdrawn_at: null,
      revoked_at: null,
      revoke_reason: null,
      revoked_by: null,
      created_at: nowIso(),
      photo_file_id: null,
      photo_consent_on: null
    });
    if (c.nominationId) await repo.setNominationStatus(tx, c.nominationId, 'decided');
    awardIds.push(id);
  }
  await audit(tx, actor, {
    action: 'emu.decide',
    entityType: 'issued_document',
    entityId: doc.id,
    organisationId: issuerId,
    after: { number: doc.numberText, awardIds, form: input.award_form }
  });
  return { decisionId: doc.id, number: doc.numberText, issuedOn: doc.issuedOn, awardIds };
}

async function managedAward(db: Db, actor: Actor, id: string) {
  requireAction(actor, MANAGE);
  const a = await repo.findAward(db, id);
  if (!a) throw notFound();
  if (await inScope(db, actor, MANAGE, a.granted_by_org_id)) return a;
  // A level that sees the award but did not issue it is told who may revoke it, not "not found".
  if (await inScope(db, actor, READ, a.registration_org_id))
    throw new AppError('FORBIDDEN', 'fix10_revoke_by', { field: 'revoke_reason', org: a.granted_by_name });
  throw notFound();
}

/** Revocation (thu hồi) by the granting level, with the reason; the award stays in the history. */
export async function revokeAward(db: Db, actor: Actor, id: string, reason: string): Promise<void> {
  const a = await managedAward(db, actor, id);
  if (a.revoked_at) throw new AppError('CONFLICT', 'emu_err_revoked');
  const patch = { revoked_at: nowIso(), revoke_reason: reason, revoked_by: actor.accountId };
  await db.transaction().execute(async (tx) => {
    await withEmuCells(tx, [a.registration_id], () => repo.updateAward(tx, id, patch));
    await audit(tx, actor, {
      action: 'emu.revoke',
      entityType: 'emu_award',
      entityId: id,
      organisationId: a.granted_by_org_id,
      after: patch
    });
  });
}

/** The branch (or higher) records the awardee's consent to the public board, or its withdrawal. */
export async function consentable(db: Db, actor: Actor, id: string) {
  requireAction(actor, REGISTER);
  const a = await repo.findAward(db, id);
  if (!a || !(await inScope(db, actor, REGISTER, a.registration_org_id))) throw notFound();
  return a;
}

export async function recordConsent(
  db: Db,
  actor: Actor,
  id: string,
  input: { given_on: string; story: string | null }
) {
  const a = await consentable(db, actor, id);
  const patch = { public_consent_on: input.given_on, consent_withdrawn_at: null, story: input.story };
  await db.transaction().execute(async (tx) => {
    await repo.updateAward(tx, id, patch);
    await audit(tx, actor, {
      action: 'emu.consent',
      entityType: 'emu_award',
      entityId: id,
      organisationId: a.registration_org_id,
      after: patch
    });
  });
}

/** Withdraws consent to publication; the award's news goes with it. Returns the news taken down. */
export async function withdrawConsent(db: Db, actor: Actor, id: string): Promise<{ news: number }> {
  const a = await consentable(db, actor, id);
  const patch = { consent_withdrawn_at: nowIso() };
  return db.transaction().execute(async (tx) => {
    await repo.updateAward(tx, id, patch);
    const news = await unpublishAwardNews(tx, actor, id);
    await audit(tx, actor, {
      action: 'emu.consent_withdraw',
      entityType: 'emu_award',
      entityId: id,
      organisationId: a.registration_org_id,
      after: { ...patch, news_unpublished: news }
    });
    return { news };
  });
}

export async function listAwards(db: Db, actor: Actor, f: { campaignId?: string; registrationId?: string }) {
  requireAction(actor, READ);
  return repo.awardsIn(db, scopeSubquery(db, actor, READ), f);
}

/** The awards of a registration its own member opened (the service checked it is hers). */
export const awardsOfOwn = (db: Db, registration: { id: string; organisation_id: string }) =>
  repo.awardsIn(db, regs.subtreeOf(db, registration.organisation_id), { registrationId: registration.id });
