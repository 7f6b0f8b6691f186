/**
 * Draws the dashboard map with Leaflet, imported only when the user asks for the map. No tile
 * layer: communes are drawn from their outlines (or as shaded circles at their centres when no
 * outline was imported), so it works with no tile server. Nothing depends on colour alone: each
 * area may carry its number as a label, each marker its letters and counts.
 *
 * On a 360 px phone a province's thirty-odd communes cannot all be labelled, and activities,
 * models and reports sit on commune centres, many at one point. So, at every zoom:
 * - markers closer than a finger's width are merged into one, which says what it holds
 *   ("H 19 · M 3") and opens a list of every item in it, by place, each a link: nothing hides
 *   under something else, and every model is one tap (or Tab + Enter) away;
 * - area labels are shown largest value first, and one that would cover a shown label or a
 *   marker is left out (its number is in the table under the map, which is always there).
 */
import type { DashboardMap } from '$lib/shared/program/dashboard';
import { blankMap, fitFirst, loadLeaflet, type LeafletApi, type LMap } from '$lib/map/leaflet';

/** Light to dark green, band 0 … 3 (the legend repeats them with number ranges). */
export const BAND_FILL = ['#f4f4f0', '#c7e1c2', '#74b26b', '#2f6b2a'];
const LETTER = { activity: 'H', model: 'M', report: 'P' } as const;
const KINDS = ['activity', 'model', 'report'] as const;
/** Markers whose centres are closer than this (px) are merged: about a fingertip. */
const MERGE_PX = 44;

type Marker = DashboardMap['markers'][number];
type Kind = Marker['type'];

export interface DrawInput {
  map: DashboardMap;
  areaLabel: (a: DashboardMap['areas'][number]) => string;
  /** "Hoạt động: 19" — the accessible name of a marker, one part per kind. */
  markerLabel: (type: Kind, count: number) => string;
  /** The text and link of one item in a marker's list. */
  item: (m: Marker) => { text: string; href: string | null };
  /** The list's heading for one place ("Phường Đoàn Kết"); null: no place known. */
  placeName: (m: Marker) => string;
}

/** The Leaflet calls beyond $lib/map/leaflet's few that merging on zoom needs. */
interface Point {
  x: number;
  y: number;
}
interface ZoomMap extends LMap {
  latLngToContainerPoint(c: [number, number]): Point;
  on(event: string, fn: () => void): void;
  getContainer(): HTMLElement;
}
interface Group {
  addTo(map: LMap): Group;
  clearLayers(): void;
  addLayer(l: unknown): void;
}
type FullApi = LeafletApi & { layerGroup(): Group };

export interface Cluster {
  lat: number;
  lon: number;
  items: Marker[];
}

/**
 * Merge in screen space (pure, for tests): each marker joins the first cluster whose first point
 * is within `px`, else starts its own; then clusters whose faces would still touch (a face grows
 * with what it holds) are merged until none do. Order is stable, so a redraw at the same zoom
 * gives the same clusters.
 */
export function clusterMarkers(markers: Marker[], toPx: (lat: number, lon: number) => Point, px = MERGE_PX) {
  const out: (Cluster & { at: Point })[] = [];
  for (const mk of markers) {
    if (mk.lat === null || mk.lon === null) continue;
    const at = toPx(mk.lat, mk.lon);
    const near = out.find((c) => Math.hypot(c.at.x - at.x, c.at.y - at.y) < px);
    if (near) near.items.push(mk);
    else out.push({ lat: mk.lat, lon: mk.lon, at, items: [mk] });
  }
  const touch = (a: Cluster & { at: Point }, b: Cluster & { at: Point }) => {
    const [wa, ha] = iconSize(a);
    const [wb, hb] = iconSize(b);
    return Math.abs(a.at.x - b.at.x) < (wa + wb) / 2 + 2 && Math.abs(a.at.y - b.at.y) < (ha + hb) / 2 + 2;
  };
  for (let merged = true; merged;) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i++)
      for (let j = i + 1; j < out.length && !merged; j++)
        if (touch(out[i], out[j])) {
          out[i].items.push(...out[j].items);
          out.splice(j, 1);
          merged = true;
        }
  }
  return out;
}

const countOf = (c: Cluster, k: Kind) => c.items.filter((i) => i.type === k).length;

/** The marker's face: built as text, never HTML from data (only letters and numbers go in). */
function face(c: Cluster): HTMLElement {
  const el = document.createElement('span');
  el.className = 'pd-cluster';
  for (const k of KINDS) {
    const n = countOf(c, k);
    if (!n) continue;
    const part = document.createElement('span');
    part.className = `pd-marker pd-${k}`;
    part.textContent = `${LETTER[k]} ${n}`;
    el.append(part);
  }
  return el;
}

/** Wide enough for its letters and counts (14 px bold), tall enough to tap. */
function iconSize(c: Cluster): [number, number] {
  const parts = KINDS.map((k) => countOf(c, k))
    .filter((n) => n > 0)
    .map((n) => 2 + String(n).length);
  return [parts.reduce((w, chars) => w + chars * 9 + 12, 0) + (parts.length - 1) * 4 + 6, 32];
}

/** Every item of the marker, grouped by place, each a link where it has a page. */
function list(c: Cluster, input: DrawInput): HTMLElement {
  const box = document.createElement('div');
  box.className = 'pd-popup';
  const byPlace = new Map<string, Marker[]>();
  for (const i of c.items) byPlace.set(input.placeName(i), [...(byPlace.get(input.placeName(i)) ?? []), i]);
  for (const [place, items] of byPlace) {
    const h = document.createElement('p');
    const strong = document.createElement('strong');
    strong.textContent = place;
    h.append(strong);
    const ul = document.createElement('ul');
    for (const i of items) {
      const li = document.createElement('li');
      const { text, href } = input.item(i);
      const tag = `${LETTER[i.type]} `;
      if (href) {
        const a = document.createElement('a');
        a.href = href;
        a.textContent = text;
        li.append(tag, a);
      } else li.textContent = tag + text;
      ul.append(li);
    }
    box.append(h, ul);
  }
  return box;
}

const overlaps = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Show area labels largest value first; hide each one that would cover a shown label or a marker. */
export function declutter(container: HTMLElement): void {
  const markers = [...container.querySelectorAll('.pd-cluster')].map((e) => e.getBoundingClientRect());
  const labels = [...container.querySelectorAll<HTMLElement>('.leaflet-tooltip.pd-area')];
  for (const l of labels) l.style.visibility = '';
  const kept: DOMRect[] = [...markers];
  const ranked = labels.sort((a, b) => Number(b.dataset.value ?? 0) - Number(a.dataset.value ?? 0));
  for (const l of ranked) {
    const r = l.getBoundingClientRect();
    if (kept.some((k) => overlaps(k, r))) l.style.visibility = 'hidden';
    else kept.push(r);
  }
}

export async function drawDashboardMap(el: HTMLElement, input: DrawInput): Promise<() => void> {
  const L = (await loadLeaflet()) as FullApi;
  const map = blankMap(L, el) as ZoomMap;
  const bounds = L.latLngBounds([]);
  const shapes = new Map(input.map.shapes.map((s) => [s.unitId, s.geojson]));
  const tip = (a: DashboardMap['areas'][number], o: object) => ({
    permanent: true,
    className: `pd-area pd-area-${a.id}`,
    ...o
  });
  for (const a of input.map.areas) {
    const style = { color: '#333', weight: 1, fillColor: BAND_FILL[a.band], fillOpacity: 0.85, interactive: false };
    const text = input.areaLabel(a);
    const geo = shapes.get(a.id);
    if (geo) {
      const layer = L.geoJSON(JSON.parse(geo), { style })
        .bindTooltip(text, tip(a, { direction: 'center' }))
        .addTo(map);
      bounds.extend(layer.getBounds());
    } else if (a.lat !== null && a.lon !== null) {
      L.circleMarker([a.lat, a.lon], { ...style, radius: 14 })
        .bindTooltip(text, tip(a, { direction: 'top', offset: [0, -14] }))
        .addTo(map);
      bounds.extend([a.lat, a.lon]);
    }
  }
  // The first view is the user's area (the province's communes, or their own commune), not
  // wherever markers happen to be: a report pinned across the border would pull it off-centre.
  // Only with no area drawn do the markers decide.
  const markers = L.latLngBounds([]);
  for (const mk of input.map.markers) if (mk.lat !== null && mk.lon !== null) markers.extend([mk.lat, mk.lon]);
  const values = new Map(input.map.areas.map((a) => [a.id, a.value]));
  const group = L.layerGroup().addTo(map);

  const redraw = () => {
    group.clearLayers();
    const clusters = clusterMarkers(input.map.markers, (lat, lon) => map.latLngToContainerPoint([lat, lon]));
    for (const c of clusters) {
      const name = KINDS.filter((k) => countOf(c, k))
        .map((k) => input.markerLabel(k, countOf(c, k)))
        .join(', ');
      const size = iconSize(c);
      const icon = L.divIcon({
        className: 'pd-cluster-icon',
        html: face(c),
        iconSize: size,
        iconAnchor: [size[0] / 2, size[1] / 2]
      });
      const marker = L.marker([c.lat, c.lon], { icon, title: name, keyboard: true, riseOnHover: true });
      marker.bindPopup(list(c, input));
      group.addLayer(marker);
      // Leaflet gives the icon role="button" and tabindex; the name is what it holds.
      (marker as unknown as { getElement(): HTMLElement | undefined }).getElement()?.setAttribute('aria-label', name);
    }
    for (const t of el.querySelectorAll<HTMLElement>('.leaflet-tooltip.pd-area')) {
      const id = [...t.classList].find((k) => k.startsWith('pd-area-'))?.slice(8);
      if (id) t.dataset.value = String(values.get(id) ?? 0);
    }
    declutter(map.getContainer());
  };
  map.on('zoomend', redraw);
  fitFirst(map, [bounds, markers], { padding: [32, 32], maxZoom: 12 });
  redraw();
  return () => map.remove();
}
