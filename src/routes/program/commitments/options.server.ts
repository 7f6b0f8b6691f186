import { commitmentFormOptions } from '$lib/server/program/commitments/commitment-page.service';
import { codeName } from '../activities/labels';

export function commitmentOptionsView(o: Awaited<ReturnType<typeof commitmentFormOptions>>) {
  return {
    organisations: o.organisations.map((x) => ({ id: x.id, name: x.name })),
    villages: o.villages.map((u) => ({ id: u.id, name: u.name })),
    kinds: o.kinds.map((k) => ({ id: k.id, name: codeName(k) })),
    persons: o.persons.map((p) => ({ id: p.id, name: p.full_name }))
  };
}
