import type { Migration } from 'kysely';
import * as m001 from './001_foundation';
import * as m003 from './003_people_import';
import * as m004 from './004_accounts';
import * as m005 from './005_form_draft';
import * as m006 from './006_reports';
import * as m007 from './007_program';
import * as m008 from './008_workflow';
import * as m009 from './009_notify_delivery';
import * as m010 from './010_activity_media';
import * as m011 from './011_agg_commune';
import * as m040 from './040_report_public_text';
import * as m041 from './041_inbox';
import * as m042 from './042_reveal_request';
import * as m060 from './060_documents';
import * as m061 from './061_periodic_reports';
import * as m062 from './062_outreach_groups';
import * as m070 from './070_emulation';
import * as m071 from './071_emulation_typical';
import * as m072 from './072_emulation_files';
import * as m080 from './080_news';
import * as m081 from './081_outreach_library';
import * as m100 from './100_custodian_request';
import * as m135 from './135_report_aggregates';
import * as m136 from './136_document_job';
import * as m145 from './145_protected_report_links';
import * as m180 from './180_role_request';
import * as m181 from './181_reference_version';
import * as m186 from './186_assessment_points';

/** Add new migrations here, in order. Never edit a migration that has shipped. */
export const migrations: Record<string, Migration> = {
  '001_foundation': m001,
  '003_people_import': m003,
  '004_accounts': m004,
  '005_form_draft': m005,
  '006_reports': m006,
  '007_program': m007,
  '008_workflow': m008,
  '009_notify_delivery': m009,
  '010_activity_media': m010,
  '011_agg_commune': m011,
  '040_report_public_text': m040,
  '041_inbox': m041,
  '042_reveal_request': m042,
  '060_documents': m060,
  '061_periodic_reports': m061,
  '062_outreach_groups': m062,
  '070_emulation': m070,
  '071_emulation_typical': m071,
  '072_emulation_files': m072,
  '080_news': m080,
  '081_outreach_library': m081,
  '100_custodian_request': m100,
  '135_report_aggregates': m135,
  '136_document_job': m136,
  '145_protected_report_links': m145,
  '180_role_request': m180,
  '181_reference_version': m181,
  '186_assessment_points': m186
};
