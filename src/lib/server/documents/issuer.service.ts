/**
 * How an organisation appears on its documents: its symbol, issuer block, place name and
 * usual signer. Set per organisation (`setIssuerProfile`); whatever is not set falls back to
 * the organisation's own data: the name, the parent organisation's name, the name of its
 * commune or province (a branch in a village takes its commune's), initials for the symbol.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { assertInScope, requireAction } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { nowIso } from '$lib/server/db/ids';
import type { Action } from '$lib/shared/roles';
import { deriveSymbol } from './format';
import type { Issuer, Signer } from './spec';
import { findIssuerFacts, upsertIssuer } from './register.repository';

/** Officers who manage an organisation issue its documents and set how they look. */
export const ISSUE: Action = 'org.write';
export const READ_REGISTER: Action = 'org.read';

type Facts = NonNullable<Awaited<ReturnType<typeof findIssuerFacts>>>;

const placeOf = (f: Facts) =>
  f.place ?? (f.unit_level === 'village' ? f.parent_unit_name : f.unit_name) ?? f.unit_name ?? '';

function issuerFrom(f: Facts): Issuer {
  return {
    organisationId: f.id,
    name: f.name_label ?? f.name,
    parent: f.parent_label ?? f.parent_name ?? null,
    symbol: f.symbol ?? deriveSymbol(f.name),
    place: placeOf(f)
  };
}

function signerFrom(f: Facts): Signer {
  const association = f.kind === 'association';
  return {
    authority: f.signer_authority ?? (association ? 'TM. BAN THƯỜNG VỤ' : null),
    title: f.signer_title ?? (association ? 'CHỦ TỊCH' : 'THỦ TRƯỞNG CƠ QUAN'),
    name: f.signer_name ?? ''
  };
}

async function facts(db: Db, orgId: string): Promise<Facts> {
  const f = await findIssuerFacts(db, orgId);
  if (!f) throw notFound();
  return f;
}

/** The issuer block of `orgId` (no access check: headers are public facts of an organisation). */
export async function issuerOf(db: Db, orgId: string): Promise<Issuer> {
  return issuerFrom(await facts(db, orgId));
}

export async function signerOf(db: Db, orgId: string): Promise<Signer> {
  return signerFrom(await facts(db, orgId));
}

export async function issuerAndSigner(db: Db, orgId: string): Promise<{ issuer: Issuer; signer: Signer }> {
  const f = await facts(db, orgId);
  return { issuer: issuerFrom(f), signer: signerFrom(f) };
}

export interface IssuerProfileInput {
  symbol: string | null;
  name_label: string | null;
  parent_label: string | null;
  place: string | null;
  signer_authority: string | null;
  signer_title: string | null;
  signer_name: string | null;
}

const SYMBOL = /^[A-ZĐ0-9]{1,12}$/;

export async function setIssuerProfile(db: Db, actor: Actor, orgId: string, input: IssuerProfileInput): Promise<void> {
  requireAction(actor, ISSUE);
  await assertInScope(db, actor, ISSUE, orgId);
  const before = await facts(db, orgId);
  const symbol = input.symbol?.trim().toLocaleUpperCase('vi') || deriveSymbol(before.name);
  if (!SYMBOL.test(symbol)) throw new AppError('VALIDATION', 'doc_err_symbol', { field: 'symbol' });
  const row = { organisation_id: orgId, ...input, symbol, updated_at: nowIso() };
  await db.transaction().execute(async (tx) => {
    await upsertIssuer(tx, row);
    await audit(tx, actor, {
      action: 'document.issuer',
      entityType: 'organisation',
      entityId: orgId,
      organisationId: orgId,
      before: { symbol: before.symbol, place: before.place, signer_name: before.signer_name },
      after: row
    });
  });
}
