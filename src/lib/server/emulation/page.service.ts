/**
 * What the emulation pages show, assembled for one actor: the campaign with its criteria by
 * group, the registrations in scope, and the choices each form offers (only what the actor
 * may act on, so a form never offers something the service would refuse for scope).
 */
import type { Db } from '$lib/server/db';
import { readJson } from '$lib/server/db/dialect';
import type { Actor } from '$lib/server/access/actor';
import { can, inScope, scopeSubquery } from '$lib/server/access/access';
import { AWARD_FORMS, CRITERION_GROUPS, mayGrant } from '$lib/shared/emulation/rules';
import { getCampaign, listCampaigns, openCampaignsOfMember } from './campaign.service';
import { listRegistrations, myRegistrations, SELF_STAGES } from './registration.service';
import { achievementKey, awardsOfOwn, listAwards, nominationsFor } from './award.service';
import { activeAwardFor, councilsNominatingTo } from './award.repository';
import { departmentsOver, envCollectivesFor, nominatedTo, votesOf } from './registration.repository';
import { evaluationForm } from './evidence.service';
import { campaignIndicators } from './indicators.service';
import { dossierIndex } from './dossier.service';
import { campaignTypical, typicalChoices } from './typical.service';
import * as repo from './page.repository';
import { DECIDE, MANAGE, READ, REGISTER, registrableKinds } from './policy';

export async function campaignsPage(db: Db, actor: Actor) {
  const personId = actor.accountId ? await repo.personOfAccount(db, actor.accountId) : null;
  const [campaigns, mine] = await Promise.all([
    can(actor, READ) ? listCampaigns(db, actor) : openCampaignsOfMember(db, actor),
    myRegistrations(db, personId)
  ]);
  return { campaigns, mine, canRead: can(actor, READ), canManage: can(actor, MANAGE) };
}

/** Association levels that register: branches (members, households), communes, the province. */
const REGISTRAR_TYPES = ['branch', 'commune_association', 'province_association'];
/** Levels that issue award decisions: the association's, and a Sở for the forms it grants. */
const ISSUER_TYPES = ['commune_association', 'province_association', 'environment_department'];

type RegisterOrg = Awaited<ReturnType<typeof repo.orgsIn>>[number];

/**
 * The collectives the registration form offers, by kind: branches and commune Hội inside the
 * actor's registering scope (under a level that may register them), and the environment-sector
 * collectives in the area of a province or commune Hội the actor registers for.
 */
async function collectiveChoices(db: Db, subjects: string[], registerOrgs: RegisterOrg[], q: string) {
  const ids = new Set(registerOrgs.map((o) => o.id));
  const underRegistrar = (type: string) =>
    subjects.includes(type === 'branch' ? 'branch' : 'commune')
      ? registerOrgs.filter((o) => o.type === type && !!o.parent_id && ids.has(o.parent_id))
      : [];
  const envRegistrars = registerOrgs
    .filter((o) => o.type === 'province_association' || o.type === 'commune_association')
    .map((o) => o.id);
  const all = {
    branchChoices: underRegistrar('branch'),
    communeChoices: underRegistrar('commune_association'),
    envChoices: subjects.includes('env_collective') ? await envCollectivesFor(db, envRegistrars) : []
  };
  if (!q.trim()) return all;
  const hit = await repo.matchingOrgIds(
    db,
    Object.values(all).flatMap((list) => list.map((o) => o.id)),
    q
  );
  return {
    branchChoices: all.branchChoices.filter((o) => hit.has(o.id)),
    communeChoices: all.communeChoices.filter((o) => hit.has(o.id)),
    envChoices: all.envChoices.filter((o) => hit.has(o.id))
  };
}

/** The longest search a page accepts (a commune's name is far shorter). */
const MAX_QUERY = 100;
export const pageQuery = (raw: string | null): string => (raw ?? '').trim().slice(0, MAX_QUERY);

/**
 * What a level may reward of its own council's results: passed and published, not waiting as a
 * nomination (listed with those), and not already rewarded (one achievement, one form).
 */
function ownCandidates<R extends { id: string; status: string; result: string | null }>(
  registrations: R[],
  nominations: { registration_id: string }[],
  awards: { registration_id: string; revoked_at: string | null }[]
) {
  const taken = new Set([
    ...nominations.map((n) => n.registration_id),
    ...awards.filter((a) => !a.revoked_at).map((a) => a.registration_id)
  ]);
  return registrations.filter((r) => r.status === 'published' && r.result === 'passed' && !taken.has(r.id));
}

/**
 * The councils whose dossiers the actor opens: those it runs, and those that nominated to it
 * (the Sở deciding its Giấy khen reads what the province's council sent up).
 */
async function councilDossiers(db: Db, actor: Actor, campaignId: string) {
  const [own, sent] = await Promise.all([
    can(actor, MANAGE) ? repo.councilOrgsOf(db, campaignId, scopeSubquery(db, actor, MANAGE)) : [],
    can(actor, READ) ? councilsNominatingTo(db, campaignId, scopeSubquery(db, actor, READ)) : []
  ]);
  return [...own, ...sent.filter((o) => !own.some((x) => x.id === o.id))];
}

/**
 * The campaign page. `q` filters every list of communes and branches on it (what may be
 * registered, the registrations, the candidates and the nominations) by name, ignoring
 * diacritics: a province has about a hundred commune Hội to scroll through on a phone.
 */
export async function campaignPage(db: Db, actor: Actor, id: string, q = '') {
  const { campaign, criteria } = await getCampaign(db, actor, id);
  const registrations = await listRegistrations(db, actor, { campaignId: id, q });
  const groups = CRITERION_GROUPS.map((g) => ({
    code: g,
    criteria: criteria.filter((c) => c.group_code === g)
  })).filter((g) => g.criteria.length);
  const mayRegister = can(actor, REGISTER) && campaign.status === 'open';
  const canManage = can(actor, MANAGE);
  const canEdit = canManage && (await inScope(db, actor, MANAGE, campaign.organisation_id));
  const canDecide = can(actor, DECIDE);
  const [registerOrgs, members, issuers, nominations, awards, dossiers, indicators, typical, found] = await Promise.all(
    [
      mayRegister ? repo.orgsIn(db, scopeSubquery(db, actor, REGISTER), REGISTRAR_TYPES) : [],
      mayRegister ? repo.membersIn(db, scopeSubquery(db, actor, REGISTER), q) : [],
      canDecide ? repo.orgsIn(db, scopeSubquery(db, actor, DECIDE), ISSUER_TYPES) : [],
      canDecide ? nominationsFor(db, actor, id, q) : [],
      listAwards(db, actor, { campaignId: id }),
      councilDossiers(db, actor, id),
      campaignIndicators(db, actor, id),
      campaignTypical(db, actor, id),
      q ? repo.countMatchingOrgs(db, scopeSubquery(db, actor, READ), q) : null
    ]
  );
  // A Sở's staff decide on what was sent to them; they hold no association level to register for.
  // Only the kinds the officer's levels register (a branch: its members and households).
  const registerKinds = registrableKinds(
    campaign.subjects,
    registerOrgs.map((o) => o.type)
  );
  const canRegister = mayRegister && registerKinds.length > 0;
  const councilOrgs = canManage ? issuers.filter((o) => o.type !== 'environment_department') : [];
  const collectives = await collectiveChoices(db, campaign.subjects, registerOrgs, q);
  const grantable = issuers.map((o) => ({
    ...o,
    forms: AWARD_FORMS.filter((f) => mayGrant(o.type, f.code)).map((f) => f.code)
  }));
  return {
    campaign,
    groups,
    registrations,
    registerOrgs,
    registerKinds,
    ...collectives,
    members,
    councilOrgs,
    candidates: canManage ? registrations.filter((r) => ['branch_assessed', 'council_done'].includes(r.status)) : [],
    decided: canManage ? registrations.filter((r) => r.status === 'council_done') : [],
    grantable: grantable.filter((o) => o.forms.length),
    nominations,
    decidable: canDecide ? ownCandidates(registrations, nominations, awards) : [],
    // A Sở sees the awards it granted; the province's registration behind one only as the dossier nominated to it.
    awards: await Promise.all(
      awards.map(async (a) => ({
        ...a,
        openable:
          (await inScope(db, actor, READ, a.registration_org_id)) ||
          (can(actor, READ) && (await nominatedTo(db, scopeSubquery(db, actor, READ), a.registration_id)))
      }))
    ),
    dossiers: await Promise.all(
      dossiers.map(async (d) => ({ ...d, reports: await dossierIndex(db, actor, d.id, id) }))
    ),
    indicators,
    typical,
    q,
    found,
    canRegister,
    canManage,
    canDecide,
    canEdit
  };
}

/**
 * For the registration page: where a passed candidate may be nominated — the levels above its
 * council and, for a collective of the environment sector, its own Sở — and the forms each grants.
 */
export async function nominationChoices(
  db: Db,
  councilOrgId: string | null,
  subject: { subject_kind: string; subject_org_id: string | null } | null = null
) {
  if (!councilOrgId) return [];
  const above = await repo.ancestorsOf(db, councilOrgId);
  const sector =
    subject?.subject_kind === 'env_collective' && subject.subject_org_id
      ? await departmentsOver(db, subject.subject_org_id)
      : [];
  return [...above, ...sector.filter((d) => !above.some((o) => o.id === d.id))]
    .map((o) => ({ ...o, forms: AWARD_FORMS.filter((f) => mayGrant(o.type, f.code)).map((f) => f.code) }))
    .filter((o) => o.forms.length);
}

/** The registration page: the pre-filled evaluation, the votes, the awards and what may be done next. */
export async function registrationPage(db: Db, actor: Actor, id: string) {
  const form = await evaluationForm(db, actor, id);
  const r = form.registration;
  const [votes, awards] = await Promise.all([
    votesOf(db, [id]),
    form.own || form.nominated ? awardsOfOwn(db, r) : listAwards(db, actor, { registrationId: id })
  ]);
  const councilOrg = votes.at(-1)?.organisation_id ?? null;
  const canRegister = await inScope(db, actor, REGISTER, r.organisation_id);
  const canNominate =
    !!councilOrg && r.result === 'passed' && r.status === 'published' && (await inScope(db, actor, MANAGE, councilOrg));
  // One achievement, one form: once rewarded there is nothing to nominate it for (the page says why).
  const rewarded = canNominate ? await activeAwardFor(db, achievementKey(r)) : undefined;
  // Revoking is the issuing level's (thu hồi by who decided): anyone else is told who may.
  const mayRevoke = can(actor, MANAGE) && !form.nominated;
  const revocable = await Promise.all(
    awards.map(async (a) => mayRevoke && (await inScope(db, actor, MANAGE, a.granted_by_org_id)))
  );
  return {
    ...form,
    ...(await typicalChoices(db, actor, id, r.organisation_id)),
    votes,
    awards: awards.map((a, i) => ({ ...a, revocable: revocable[i] })),
    // The points each assessment gave per criterion (null: assessed before the breakdown was kept).
    selfPoints: readJson<Record<string, number>>(r.self_points),
    branchPoints: readJson<Record<string, number>>(r.branch_points),
    canAssess: canRegister && ['registered', 'self_assessed', 'branch_assessed'].includes(r.status),
    // The member fills in her own sheet until the branch has assessed it.
    canSelfAssess: (canRegister || form.own) && SELF_STAGES.includes(r.status),
    // The campaign page is the organisers' (it lists everyone's registrations): a member sees its name only.
    canOpenCampaign: can(actor, READ),
    canConsent: canRegister,
    canRevoke: mayRevoke,
    nominateTo: canNominate && !rewarded ? await nominationChoices(db, councilOrg, r) : [],
    rewardedBy: rewarded?.decision_number ?? null
  };
}
