/**
 * What the officers' report page receives already worded by the server (its step forms and
 * timeline), so the browser bundle carries none of the catalogue behind them.
 */
export interface StepOption {
  value: string;
  label: string;
}
export interface StepField {
  kind: 'text' | 'textarea' | 'select' | 'radio' | 'file' | 'password';
  name: string;
  label: string;
  hint?: string;
  inputmode?: 'numeric';
  options?: StepOption[];
  selected?: string;
  accept?: string;
}
export interface StepForm {
  action: string;
  title: string;
  submit: string;
  primary: boolean;
  multipart?: boolean;
  fields: StepField[];
  link?: { href: string; text: string };
}
/** What the timeline shows of an entry (its raw data stays on the server). */
export interface TimelineRow {
  title: string;
  /** When, already worded (dd/mm/yyyy HH:mm, Vietnam time). */
  at: string;
  org: string | null;
  visible: string;
  detail: string;
  body: string | null;
}
