/**
 * The campaign page's words, in the reader's language, built on the server: the sections and
 * forms this reader cannot use (registering, the council, publishing, deciding) send none of
 * their words, and the browser bundle carries none of the catalogue behind them.
 */
import * as m from '$lib/paraglide/messages';
import { AWARD_FORMS } from '$lib/shared/emulation/rules';
import { formatDate } from '$lib/shared/format';
import type { CouncilWords, DecideWords, FilterWords } from '$lib/shared/emulation/page-words';
import type { campaignPage } from '$lib/server/emulation/page.service';
import { codeLabels } from '../code-labels.server';
import { formLabel } from '../labels';

type Page = Awaited<ReturnType<typeof campaignPage>>;

const NOTICES: Record<string, () => string> = {
  registered: m.emu_msg_registered,
  already: m.emul4_msg_already_registered,
  council: m.emu_msg_council,
  published: m.emu_msg_published,
  decided: m.emu_msg_decided,
  created: m.emul_msg_created,
  closed: m.emul_msg_closed
};

/** The notice after an action (the `msg` of the redirect), or '' for none. */
export function campaignNotice(msg: string | null, already: number): string {
  if (msg === 'registered_some') return m.emul4_msg_registered_some({ n: already });
  return msg && NOTICES[msg] ? NOTICES[msg]() : '';
}

const pageWords = () => ({
  emu_back: m.emu_back(),
  emul_edit_link: m.emul_edit_link(),
  emu_launched_by: m.emu_launched_by(),
  emu_register_window: m.emu_register_window(),
  emu_evaluate_period: m.emu_evaluate_period(),
  emu_subjects: m.emu_subjects(),
  emu_threshold: m.emu_threshold(),
  emu_criteria: m.emu_criteria(),
  emu_indicators: m.emu_indicators(),
  emu_registrations: m.emu_registrations(),
  emu_col_subject: m.emu_col_subject(),
  emu_col_org: m.emu_col_org(),
  emu_col_status: m.emu_col_status(),
  emu_export_csv: m.emu_export_csv(),
  emu_export_xlsx: m.emu_export_xlsx(),
  emu_no_registrations: m.emu_no_registrations(),
  emu_dossier_title: m.emu_dossier_title(),
  emu_dossier_proposal: m.emu_dossier_proposal(),
  emu_dossier_minutes: m.emu_dossier_minutes(),
  emu_dossier_list: m.emu_dossier_list(),
  emul_typical_list: m.emul_typical_list(),
  emul_typical_models: m.emul_typical_models(),
  emu_awards: m.emu_awards(),
  emu_download_decision: m.emu_download_decision(),
  emu_revoked: m.emu_revoked(),
  emu_no_awards: m.emu_no_awards()
});

const filterWords = (q: string, found: number | null): FilterWords => ({
  title: m.emul2_filter_title(),
  label: m.emul2_filter_label(),
  hint: m.emul2_filter_hint(),
  submit: m.emul2_filter_submit(),
  clear: m.emul2_filter_clear(),
  count: found === null ? null : m.emul2_filter_count({ n: found, q })
});

const registerWords = () => ({
  emu_register_title: m.emu_register_title(),
  emu_field_registering_org: m.emu_field_registering_org(),
  emu_field_subject_kind: m.emu_field_subject_kind(),
  emu_field_members: m.emu_field_members(),
  emu_field_household: m.emu_field_household(),
  emul_field_collectives: m.emul_field_collectives(),
  emul_hint_collectives: m.emul_hint_collectives(),
  emu_field_branches: m.emu_field_branches(),
  emul_field_communes: m.emul_field_communes(),
  emul_field_env_collectives: m.emul_field_env_collectives(),
  emu_field_commitments: m.emu_field_commitments(),
  emu_register_submit: m.emu_register_submit()
});

const councilWords = (): CouncilWords => ({
  emu_council_title: m.emu_council_title(),
  emu_rule_explained: m.emu_rule_explained(),
  emu_field_council_org: m.emu_field_council_org(),
  emu_field_meeting_on: m.emu_field_meeting_on(),
  emu_date_hint: m.emu_date_hint(),
  emu_field_council_members: m.emu_field_council_members(),
  emu_field_council_members_hint: m.emu_field_council_members_hint(),
  emu_field_present: m.emu_field_present(),
  emu_field_award_form: m.emu_field_award_form(),
  emu_vote_for: m.emu_vote_for(),
  emu_vote_against: m.emu_vote_against(),
  emu_vote_abstain: m.emu_vote_abstain(),
  emu_council_submit: m.emu_council_submit()
});

const publishWords = () => ({
  emu_publish_title: m.emu_publish_title(),
  emu_field_council_org: m.emu_field_council_org(),
  emu_field_appeal_days: m.emu_field_appeal_days(),
  emu_field_appeal_days_hint: m.emu_field_appeal_days_hint(),
  emu_publish_submit: m.emu_publish_submit()
});

const decideWords = (): DecideWords => ({
  emu_decision_title: m.emu_decision_title(),
  emu_field_issuer: m.emu_field_issuer(),
  emu_field_award_form: m.emu_field_award_form(),
  emu_field_awardees: m.emu_field_awardees(),
  emu_field_signer: m.emu_field_signer(),
  emu_decision_submit: m.emu_decision_submit()
});

const nameOf = (x: { person_name: string | null; household_name: string | null; subject_org_name: string | null }) =>
  x.person_name ?? x.household_name ?? x.subject_org_name ?? '';

/**
 * The page's words and the data that carries its own: what each section needs to read, and the
 * forms' words only when the reader can use that form now (the same conditions the page shows it on).
 */
export function wordCampaignPage(p: Page) {
  const council = p.canManage && p.candidates.length > 0;
  const decide = p.canDecide && p.grantable.length > 0;
  const forms = [
    ...p.indicators.awards.map((a) => a.form),
    ...p.awards.map((a) => a.award_form),
    ...(decide ? p.grantable.flatMap((o) => o.forms) : [])
  ];
  return {
    t: {
      ...pageWords(),
      threshold: m.emu_threshold_value({ points: p.campaign.title_threshold, version: p.campaign.criteria_version })
    },
    filter: p.canRegister || p.canManage ? filterWords(p.q, p.found) : null,
    register: p.canRegister ? registerWords() : null,
    council: council ? councilWords() : null,
    councilForms: council ? AWARD_FORMS.map((f) => ({ code: f.code, label: formLabel(f.code) })) : [],
    publish: p.canManage && p.decided.length > 0 ? publishWords() : null,
    decide: decide ? decideWords() : null,
    labels: codeLabels({
      subject: [
        ...p.campaign.subjects,
        ...p.registrations.map((r) => r.subject_kind),
        ...p.indicators.bySubject.map((s) => s.kind)
      ],
      status: p.registrations.map((r) => r.status),
      result: p.registrations.map((r) => r.result),
      form: forms,
      group: p.groups.map((g) => g.code),
      measure: p.groups.flatMap((g) => g.criteria.map((k) => k.measure))
    }),
    indicatorLines: Object.fromEntries(
      p.indicators.bySubject.map((s) => [
        s.kind,
        m.emu_indicator_line({
          registered: s.registered,
          evaluated: s.evaluated,
          passed: s.passed,
          share: s.passedShare ?? 0
        })
      ])
    ),
    groups: p.groups.map((g) => ({
      ...g,
      criteria: g.criteria.map((k) => ({ ...k, points_text: m.emu_points({ n: k.points }) }))
    })),
    awards: p.awards.map((a) => ({
      ...a,
      decision_line: m.emu_decision_line({ number: a.decision_number, date: formatDate(a.decided_on) })
    })),
    dossiers: p.dossiers.map((d) => ({
      ...d,
      reports: d.reports.map((r) => ({ ...r, label: m.emul_dossier_report_of({ name: r.name }) }))
    })),
    nominations: p.nominations.map((n) => ({
      ...n,
      by: m.emu_nominated_by({ org: n.from_name, form: formLabel(n.award_form) }),
      open: m.so3_open_dossier({ name: nameOf(n) })
    }))
  };
}
