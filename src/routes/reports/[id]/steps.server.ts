/**
 * The step forms an officer can use on a report right now, described in the reader's language.
 * Built on the server so the browser receives only the words and fields of those steps: a step
 * the role can never take (or not at this status) sends neither its form nor its messages.
 */
import * as m from '$lib/paraglide/messages';
import { formatDate } from '$lib/shared/format';
import { OUTCOME_KINDS, TRANSFER_TARGETS } from '$lib/shared/reports/outcome-kinds';
import type { OfficerReport } from '$lib/server/reports/workflow/view.service';
import type { StepField, StepForm } from '$lib/shared/reports/officer-page';
import { outcomeLabel, transferLabel } from '../labels';

const textarea = (name: string, label: string, hint?: string): StepField => ({ kind: 'textarea', name, label, hint });
const text = (name: string, label: string, hint?: string): StepField => ({ kind: 'text', name, label, hint });
const date = (name: string, label: string): StepField => ({
  ...text(name, label, m.rw_date_hint()),
  inputmode: 'numeric'
});
const note = () => textarea('note', m.rw_field_note());

function verifyForm(): StepForm {
  const yesNo = [
    { value: 'yes', label: m.yes() },
    { value: 'no', label: m.no() }
  ];
  return {
    action: 'verify',
    title: m.rw_verify_title(),
    submit: m.rw_verify_submit(),
    primary: true,
    fields: [
      textarea('note', m.rw_field_verify_note()),
      { kind: 'radio', name: 'site_visit', label: m.rw_field_site_visit(), options: yesNo },
      date('visit_date', m.rw_field_visit_date()),
      textarea('evidence', m.rw_field_evidence())
    ]
  };
}

function forwardForm(v: OfficerReport): StepForm {
  const agencies = v.agencies.map((a) => ({
    value: a.id,
    label: a.id === v.suggestedAgency ? m.rw_suggested({ name: a.name }) : a.name
  }));
  const agency = v.suggestedAgency ?? v.agencies[0]?.id ?? '';
  return {
    action: 'forward',
    title: m.rw_forward_title(),
    submit: m.rw_forward_submit(),
    primary: true,
    fields: [
      {
        kind: 'select',
        name: 'agency_org_id',
        label: m.rw_field_agency(),
        options: agencies,
        selected: v.suggestedAgency ?? ''
      },
      text('doc_no', m.rw_field_doc_no(), m.report_slip_doc_no_hint()),
      date('doc_date', m.rw_field_doc_date()),
      note()
    ],
    link: { href: `/reports/${v.report.id}/slip.docx?agency=${agency}`, text: m.report_slip_preview() }
  };
}

function duplicateForm(v: OfficerReport): StepForm {
  const dupes = v.duplicates.map((d) => ({
    value: d.id,
    label: m.rw_duplicate_suggestion({
      ref: d.id.slice(0, 8).toUpperCase(),
      meters: d.meters,
      date: formatDate(d.observedOn)
    })
  }));
  const master: StepField = dupes.length
    ? { kind: 'select', name: 'master_id', label: m.rw_field_master(), hint: m.rw_master_hint(), options: dupes }
    : text('master_id', m.rw_field_master(), m.rw_master_hint());
  const fields = [master, note()];
  return {
    action: 'duplicate',
    title: m.rw_duplicate_title(),
    submit: m.rw_duplicate_submit(),
    primary: false,
    fields
  };
}

/** The association's steps, in the order the desk works through them. */
function associationForms(v: OfficerReport): StepForm[] {
  const next = v.next.association;
  const forms: [string, () => StepForm][] = [
    ['verified', verifyForm],
    ['forwarded', () => forwardForm(v)],
    [
      'needs_info',
      () => ({
        action: 'needs_info',
        title: m.rw_needs_info_title(),
        submit: m.rw_needs_info_submit(),
        primary: false,
        fields: [textarea('message', m.rw_field_message(), m.rw_needs_info_hint())]
      })
    ],
    ['duplicate', () => duplicateForm(v)],
    [
      'escalated',
      () => ({
        action: 'escalate',
        title: m.rw_escalate_title(),
        submit: m.rw_escalate_submit(),
        primary: false,
        fields: [note()]
      })
    ],
    [
      'rejected',
      () => ({
        action: 'reject',
        title: m.rw_reject_title(),
        submit: m.rw_reject_submit(),
        primary: false,
        fields: [textarea('reason', m.rw_field_reason(), m.rw_reject_hint())]
      })
    ]
  ];
  return forms.filter(([to]) => next.includes(to as never)).map(([, make]) => make());
}

function closeForm(): StepForm {
  const outcomes = OUTCOME_KINDS.map((k) => ({ value: k, label: outcomeLabel(k) }));
  const targets = TRANSFER_TARGETS.map((k) => ({ value: k, label: transferLabel(k) }));
  return {
    action: 'close',
    title: m.rw_close_title(),
    submit: m.rw_close_submit(),
    primary: true,
    multipart: true,
    fields: [
      { kind: 'select', name: 'kind', label: m.rw_field_outcome(), options: outcomes },
      text('decision_no', m.rw_field_decision_no()),
      date('decision_date', m.rw_field_decision_date()),
      { ...text('fine_vnd', m.rw_field_fine(), m.rw_field_fine_hint()), inputmode: 'numeric' },
      textarea('remedies', m.rw_field_remedies()),
      { kind: 'select', name: 'target', label: m.rw_field_target(), options: targets },
      text('authority', m.rw_field_authority()),
      textarea('note', m.rw_field_outcome_note(), m.rw_field_outcome_note_hint()),
      {
        kind: 'file',
        name: 'document',
        label: m.rw_field_document(),
        hint: m.rw_field_document_hint(),
        accept: 'application/pdf,image/jpeg,image/png,image/webp'
      }
    ]
  };
}

function decideForm(): StepForm {
  const decisions = [
    { value: 'approve', label: m.rw_decision_approve() },
    { value: 'deny', label: m.rw_decision_deny() }
  ];
  return {
    action: 'decide',
    title: m.rw_decide_title(),
    submit: m.rw_decide_submit(),
    primary: true,
    fields: [{ kind: 'select', name: 'decision', label: m.rw_field_decision(), options: decisions }, note()]
  };
}

function workingForms(v: OfficerReport): StepForm[] {
  const officers = v.officers.map((o) => ({ value: o.id, label: o.name }));
  return [
    {
      action: 'assign',
      title: m.rw_assign_title(),
      submit: m.rw_assign_submit(),
      primary: false,
      fields: [{ kind: 'select', name: 'account_id', label: m.rw_field_officer(), options: officers }]
    },
    { action: 'note', title: m.rw_action_title(), submit: m.rw_action_submit(), primary: false, fields: [note()] }
  ];
}

/** The agency's steps (and its manager's decision on an extension). */
function agencyForms(v: OfficerReport): StepForm[] {
  const next = v.next.agency as string[];
  const agency = v.can.agency;
  const working = ['accepted', 'in_progress', 'extension_requested'].includes(v.report.status);
  const reasonField = () => textarea('reason', m.rw_field_reason());
  return [
    ...(agency && next.includes('accepted')
      ? [
          {
            action: 'accept',
            title: m.rw_accept_title(),
            submit: m.rw_accept_submit(),
            primary: true,
            fields: [note()]
          }
        ]
      : []),
    ...(agency && next.includes('returned')
      ? [
          {
            action: 'return',
            title: m.rw_return_title(),
            submit: m.rw_return_submit(),
            primary: false,
            fields: [reasonField()]
          }
        ]
      : []),
    ...(v.can.manager && v.report.status === 'extension_requested' ? [decideForm()] : []),
    ...(agency && working ? workingForms(v) : []),
    ...(agency && next.includes('extension_requested')
      ? [
          {
            action: 'extension',
            title: m.rw_extension_title(),
            submit: m.rw_extension_submit(),
            primary: false,
            fields: [reasonField()]
          }
        ]
      : []),
    ...(agency && next.includes('resolved') ? [closeForm()] : [])
  ];
}

export const stepForms = (v: OfficerReport): StepForm[] => [...associationForms(v), ...agencyForms(v)];
