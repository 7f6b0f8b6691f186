/**
 * The registration page's words, in the reader's language, built on the server: a form this
 * reader cannot use now (evidence, the assessments, nominating, the typical example, consent,
 * the photo, revoking) sends none of its words, and the browser carries none of the catalogue.
 */
import * as m from '$lib/paraglide/messages';
import { formatDate, todayVn } from '$lib/shared/format';
import type { registrationPage } from '$lib/server/emulation/page.service';
import type {
  AssessForm,
  ConsentWords,
  EvidenceWords,
  NominateWords,
  PhotoWords,
  RevokeWords,
  TypicalWords
} from '$lib/shared/emulation/page-words';
import { codeLabels } from '../../code-labels.server';

type Page = Awaited<ReturnType<typeof registrationPage>>;

const NOTICES: Record<string, () => string> = {
  evidence: m.emu_msg_evidence,
  assessed: m.emu_msg_assessed,
  nominated: m.emu_msg_nominated,
  consent: m.emu_msg_consent,
  withdrawn: m.emu_msg_withdrawn,
  revoked: m.emu_msg_revoked,
  typical: m.emul_msg_typical,
  untypical: m.emul_msg_untypical,
  photo: m.emul_msg_photo,
  unphoto: m.emul_msg_unphoto
};

/** The notice after an action (the `msg` of the redirect), or '' for none. */
export function registrationNotice(msg: string | null, news: number): string {
  const notice = msg && NOTICES[msg] ? NOTICES[msg]() : '';
  // Withdrawing consent also took the award's news off the public site: said in the same notice.
  const newsNotice = msg === 'withdrawn' && news > 0 ? m.emfix2_news_unpublished({ n: news }) : '';
  return notice && newsNotice ? `${notice} ${newsNotice}` : notice;
}

const pageWords = () => ({
  emu_title: m.emu_title(),
  emu_col_subject: m.emu_col_subject(),
  emu_col_status: m.emu_col_status(),
  emu_appeal_until: m.emu_appeal_until(),
  emu_scores: m.emu_scores(),
  emu_evaluation_title: m.emu_evaluation_title(),
  emu_col_criterion: m.emu_col_criterion(),
  emu_col_source: m.emu_col_source(),
  emu_col_points: m.emu_col_points(),
  emu_committed: m.emu_committed(),
  emu_suggested_total: m.emu_suggested_total(),
  emu_manual_evidence: m.emu_manual_evidence(),
  emu_no_manual_evidence: m.emu_no_manual_evidence(),
  emu_votes_title: m.emu_votes_title(),
  emul_typical_title: m.emul_typical_title(),
  emu_awards: m.emu_awards(),
  emu_base_salary: m.emu_base_salary(),
  emu_revoked: m.emu_revoked()
});

const evidenceWords = (): EvidenceWords => ({
  emu_field_evidence: m.emu_field_evidence(),
  emul_field_evidence_files: m.emul_field_evidence_files(),
  emul_evidence_files_hint: m.emul_evidence_files_hint(),
  emu_evidence_submit: m.emu_evidence_submit()
});

const nominateWords = (): NominateWords => ({
  emu_nominate_title: m.emu_nominate_title(),
  emu_field_nominate_to: m.emu_field_nominate_to(),
  emu_field_award_form: m.emu_field_award_form(),
  emu_nominate_submit: m.emu_nominate_submit()
});

const typicalWords = (): TypicalWords => ({
  emul_typical_title: m.emul_typical_title(),
  emul_typical_hint: m.emul_typical_hint(),
  emul_field_typical_story: m.emul_field_typical_story(),
  emul_field_typical_models: m.emul_field_typical_models(),
  emul_typical_update: m.emul_typical_update(),
  emul_typical_submit: m.emul_typical_submit(),
  emul_typical_unmark: m.emul_typical_unmark()
});

const consentWords = (): ConsentWords => ({
  emu_field_consent_on: m.emu_field_consent_on(),
  emu_date_hint: m.emu_date_hint(),
  emu_field_story: m.emu_field_story(),
  emu_consent_submit: m.emu_consent_submit(),
  emu_withdraw_submit: m.emu_withdraw_submit()
});

const revokeWords = (): RevokeWords => ({
  emu_revoke_title: m.emu_revoke_title(),
  emu_field_revoke_reason: m.emu_field_revoke_reason(),
  emu_revoke_submit: m.emu_revoke_submit()
});

const photoWords = (): PhotoWords => ({
  emul_photo_title: m.emul_photo_title(),
  emul_photo_current: m.emul_photo_current(),
  emul_photo_withdraw: m.emul_photo_withdraw(),
  emul_photo_none: m.emul_photo_none(),
  emul_photo_replace: m.emul_photo_replace(),
  emul_photo_add: m.emul_photo_add(),
  emul_field_photo: m.emul_field_photo(),
  emul_photo_hint: m.emul_photo_hint(),
  emul_field_photo_alt: m.emul_field_photo_alt(),
  emul_photo_alt_hint: m.emul_photo_alt_hint(),
  emul_field_photo_consent_on: m.emul_field_photo_consent_on(),
  emu_date_hint: m.emu_date_hint(),
  emul_field_photo_consent: m.emul_field_photo_consent(),
  emul_photo_submit: m.emul_photo_submit()
});

type Award = Page['awards'][number];

/** Whether the award is on the public board, told as a sentence (the withdrawal day is Vietnam's). */
function boardLine(a: Award): string {
  if (a.public_consent_on && !a.consent_withdrawn_at) return m.emu_on_board({ date: formatDate(a.public_consent_on) });
  if (a.consent_withdrawn_at)
    return m.emul4_consent_withdrawn({ date: formatDate(todayVn(new Date(a.consent_withdrawn_at))) });
  return m.emu_not_on_board();
}

const photoLine = (a: Award) =>
  a.consent_withdrawn_at ? m.emul4_photo_off_board() : m.emul_photo_on_board({ date: formatDate(a.photo_consent_on) });

/** The member's own sheet while it is still hers to fill in; the branch's once it may assess. */
function assessForms(p: Page): AssessForm[] {
  const r = p.registration;
  const hints = Object.fromEntries(
    p.lines.map((l) => [
      l.code,
      l.suggested === null
        ? m.fix10_points_hint_manual({ max: l.points })
        : m.fix10_points_hint({ max: l.points, suggested: l.suggested })
    ])
  );
  const field = { rule: m.fix10_points_rule(), noteLabel: m.emu_field_note(), hints };
  const self: AssessForm = {
    name: 'self',
    title: m.emu_self_title(),
    submit: m.emu_self_submit(),
    points: p.selfPoints,
    note: r.self_note,
    ...field
  };
  const branch: AssessForm = {
    name: 'branch',
    title: m.emu_branch_title(),
    submit: m.emu_branch_submit(),
    points: p.branchPoints ?? p.selfPoints,
    note: r.branch_note,
    ...field
  };
  return [p.canSelfAssess ? self : null, p.canAssess ? branch : null].filter((f) => f !== null);
}

/** The page's words and the data carrying its own, each form's only when the reader can use it now. */
export function wordRegistrationPage(p: Page) {
  const r = p.registration;
  const forms = [...p.votes.map((v) => v.award_form), ...p.awards.map((a) => a.award_form)];
  forms.push(...p.nominateTo.flatMap((o) => o.forms));
  const open = p.awards.some((a) => !a.revoked_at);
  return {
    t: {
      ...pageWords(),
      scores: m.emu_scores_value({ self: r.self_score ?? '—', branch: r.branch_score ?? '—', threshold: p.threshold }),
      evaluationHint: m.emu_evaluation_hint({
        from: formatDate(p.campaign.evaluate_from),
        to: formatDate(p.campaign.evaluate_to)
      })
    },
    evidenceForm: p.canAssess ? evidenceWords() : null,
    assessForms: assessForms(p),
    nominate: p.nominateTo.length ? nominateWords() : null,
    typicalForm: p.canMarkTypical ? typicalWords() : null,
    consent: p.canConsent && open ? consentWords() : null,
    revoke: p.canRevoke && open ? revokeWords() : null,
    photo: p.canConsent && open ? photoWords() : null,
    labels: codeLabels({
      subject: [r.subject_kind],
      status: [r.status],
      result: [r.result, ...p.votes.map((v) => (v.passed ? 'passed' : 'failed'))],
      form: forms,
      group: p.lines.map((l) => l.group_code),
      measure: p.lines.map((l) => l.measure),
      rule: p.votes.map((v) => v.rule)
    }),
    manual: p.manual.map((e) => ({
      ...e,
      files: e.files.map((f) => ({ ...f, photo_alt: m.emul_evidence_photo_alt({ name: f.file_name }) }))
    })),
    votes: p.votes.map((v) => ({
      ...v,
      line: m.emu_vote_line({
        for: v.in_favour,
        against: v.against,
        abstain: v.abstain,
        present: v.members_present,
        total: v.members_total
      })
    })),
    nominateTo: p.nominateTo.map((o) => ({
      ...o,
      label: o.type === 'environment_department' ? m.emul2_nominate_sector({ org: o.name }) : o.name
    })),
    awards: p.awards.map((a) => ({
      ...a,
      decision_line: m.emu_decision_line({ number: a.decision_number, date: formatDate(a.decided_on) }),
      board_line: boardLine(a),
      // Staff who may not revoke this one are told which level may.
      revoke_by: a.revocable ? null : m.fix10_revoke_by({ org: a.granted_by_name }),
      photo_line: a.photo_file_id && a.photo_consent_on ? photoLine(a) : ''
    }))
  };
}
