import { activityFormOptions } from '$lib/server/program/activities/activity-page.service';
import { codeName } from './labels';

/** The form options as the pages need them (names only, nothing else about persons). */
export function formOptionsView(o: Awaited<ReturnType<typeof activityFormOptions>>) {
  return {
    organisations: o.organisations.map((x) => ({ id: x.id, name: x.name })),
    units: o.units.map((u) => ({ id: u.id, name: u.name, level: u.level })),
    topics: o.topics.map((t) => ({ id: t.id, name: codeName(t) })),
    persons: o.persons.map((p) => ({ id: p.id, name: p.full_name })),
    materials: o.materials.map((x) => ({ id: x.id, name: x.title }))
  };
}
