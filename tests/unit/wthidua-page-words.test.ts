/**
 * The thi-dua pages get their words from the server, and a form's words only when the reader can
 * use it (issue 8 §4: what a reader cannot use is not shipped). Plain objects stand for the pages'
 * data: only the fields the wording reads.
 */
import { describe, expect, it } from 'vitest';
import { wordCampaignPage } from '../../src/routes/thi-dua/[id]/words.server';
import { registrationNotice, wordRegistrationPage } from '../../src/routes/thi-dua/dang-ky/[id]/words.server';

type CampaignPage = Parameters<typeof wordCampaignPage>[0];
type RegistrationPage = Parameters<typeof wordRegistrationPage>[0];

const campaign = (over: Partial<Record<string, unknown>> = {}) =>
  ({
    campaign: { subjects: ['person'], title_threshold: 80, criteria_version: 1 },
    groups: [{ code: 'caring', criteria: [{ id: 'k', measure: 'manual', points: 10 }] }],
    registrations: [{ subject_kind: 'person', status: 'registered', result: null }],
    indicators: { bySubject: [], awards: [] },
    awards: [],
    dossiers: [],
    nominations: [],
    candidates: [],
    decided: [],
    grantable: [],
    q: '',
    found: null,
    canRegister: false,
    canManage: false,
    canDecide: false,
    ...over
  }) as unknown as CampaignPage;

describe('campaign page words', () => {
  it('sends a reader who can only read no form words', () => {
    const w = wordCampaignPage(campaign());
    expect([w.filter, w.register, w.council, w.publish, w.decide]).toEqual([null, null, null, null, null]);
    expect(w.councilForms).toEqual([]);
    expect(w.t.emu_criteria).toBe('Tiêu chí');
    expect(w.labels.subject).toEqual({ person: 'Hội viên' });
    expect(w.labels.form).toEqual({});
  });

  it('sends the registering form to a registrar and the council form only when someone awaits it', () => {
    const reg = wordCampaignPage(campaign({ canRegister: true }));
    expect(reg.register?.emu_register_submit).toBeTruthy();
    expect(reg.filter?.count).toBeNull();
    expect(reg.council).toBeNull();
    const manager = wordCampaignPage(campaign({ canManage: true, candidates: [{ id: 'r' }] }));
    expect(manager.council?.emu_council_submit).toBeTruthy();
    expect(manager.councilForms.map((f) => f.code)[0]).toBe('title_commune');
    expect(manager.councilForms.every((f) => f.label && f.label !== f.code)).toBe(true);
    expect(manager.register).toBeNull();
    expect(manager.publish).toBeNull();
  });
});

const registration = (over: Partial<Record<string, unknown>> = {}) =>
  ({
    registration: { subject_kind: 'household', status: 'registered', result: null, self_score: null, branch_score: 5 },
    campaign: { evaluate_from: '2026-01-01', evaluate_to: '2026-12-31' },
    threshold: 80,
    suggestedTotal: 7,
    lines: [
      { code: 'k1', points: 10, suggested: 4 },
      { code: 'k2', points: 20, suggested: null }
    ],
    selfPoints: null,
    branchPoints: { k1: 4, k2: 1 },
    manual: [],
    votes: [],
    awards: [],
    nominateTo: [],
    canAssess: false,
    canSelfAssess: false,
    canMarkTypical: false,
    canConsent: false,
    canRevoke: false,
    ...over
  }) as unknown as RegistrationPage;

describe('registration page words', () => {
  it('sends a reader no form words for forms they cannot use', () => {
    const w = wordRegistrationPage(registration());
    expect([w.evidenceForm, w.nominate, w.typicalForm, w.consent, w.revoke, w.photo]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null
    ]);
    expect(w.assessForms).toEqual([]);
    expect(w.t.evaluationHint).toContain('01/01/2026');
  });

  it('words the branch assessment with the points it starts from, and consent only with an award in force', () => {
    const w = wordRegistrationPage(registration({ canAssess: true, canConsent: true }));
    expect(w.assessForms.map((f) => [f.name, f.points])).toEqual([['branch', { k1: 4, k2: 1 }]]);
    // Each criterion's hint names its maximum; a records-measured one also what the records suggest.
    expect(w.assessForms[0].hints.k1).toContain('10');
    expect(w.assessForms[0].hints.k1).toContain('4');
    expect(w.assessForms[0].hints.k2).toContain('20');
    expect(w.evidenceForm).not.toBeNull();
    expect(w.consent).toBeNull();
  });

  it('adds the news taken down to the withdrawal notice', () => {
    expect(registrationNotice('withdrawn', 2)).toMatch(/ .*2/);
    expect(registrationNotice('nope', 0)).toBe('');
  });
});
