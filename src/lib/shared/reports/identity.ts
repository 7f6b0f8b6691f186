/** A protected reporter's identity: stored encrypted, shown only to the custodian who reveals it. */
export interface ReporterIdentity {
  name: string;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  nationalId?: string | null;
}
