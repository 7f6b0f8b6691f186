/**
 * Draws the models map: the commune background of $lib/map and one linked dot per place. Models
 * placed by their commune share its centre, so the models at one point share one dot whose popup
 * lists them all (one dot each would stack, and only the top one could be opened). That dot
 * carries their number, so "three models here" is seen without opening it, and it is a button
 * named by what it holds (Leaflet's keyboard marker: Tab, then Enter opens the list).
 */
import type { MapPoint } from '$lib/shared/program/models';
import { blankMap, drawCommunes, fitFirst, loadLeaflet, textPopup, type Commune, type Shape } from '$lib/map/leaflet';

export interface ModelMapInput {
  points: MapPoint[];
  communes: Commune[];
  shapes: Shape[];
  label: (p: MapPoint) => string;
  href: (p: MapPoint) => string;
  /** The name of a dot holding several models ("3 mô hình tại Phường Đoàn Kết"). */
  several: (count: number, place: string) => string;
}

type Named = { getElement(): HTMLElement | undefined };

/** A dot as text only (a count, never a name from data); several models: a larger dot with their number. */
function dot(count: number): HTMLElement {
  const el = document.createElement('span');
  el.className = count > 1 ? 'model-dot model-dot-many' : 'model-dot';
  if (count > 1) el.textContent = String(count);
  return el;
}

export async function drawModelMap(el: HTMLElement, input: ModelMapInput): Promise<() => void> {
  const L = await loadLeaflet();
  const map = blankMap(L, el);
  const background = drawCommunes(L, map, input.communes, input.shapes);
  const own = L.latLngBounds([]);
  const atPoint = new Map<string, MapPoint[]>();
  const named: [Named, string][] = [];
  for (const p of input.points) atPoint.set(`${p.lat},${p.lon}`, [...(atPoint.get(`${p.lat},${p.lon}`) ?? []), p]);
  for (const here of atPoint.values()) {
    const { lat, lon } = here[0];
    const popup = document.createElement('div');
    popup.append(...here.map((p) => textPopup(input.label(p), input.href(p))));
    const size = here.length > 1 ? 30 + 8 * (String(here.length).length - 1) : 20;
    // A village's models may sit on its commune's centre: name every place the dot stands for.
    const places = [...new Set(here.map((p) => p.place))].join(', ');
    const name = here.length > 1 ? input.several(here.length, places) : input.label(here[0]);
    const icon = L.divIcon({ className: 'model-dot-icon', html: dot(here.length), iconSize: [size, size] });
    const marker = L.marker([lat, lon], { icon, title: name, keyboard: true, riseOnHover: true })
      .bindPopup(popup)
      .addTo(map);
    named.push([marker as unknown as Named, name]);
    own.extend([lat, lon]);
  }
  fitFirst(map, [own, background], { padding: [24, 24], maxZoom: 13 });
  // Leaflet makes a marker's element only once the map has a view; its name is what it holds.
  for (const [marker, name] of named) marker.getElement()?.setAttribute('aria-label', name);
  return () => map.remove();
}
