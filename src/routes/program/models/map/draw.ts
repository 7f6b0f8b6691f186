/**
 * Draws the models map with Leaflet, loaded only in the browser and only on this page. No
 * tile layer: commune outlines (or centre dots) make the background, as on the public map,
 * so it works with no tile server reachable.
 */
import type { MapPoint } from '$lib/server/program/model-list.service';

interface Commune { id: string; name: string; lat: number | null; lon: number | null }
interface Shape { unitId: string; geojson: string }

interface LBounds { extend(x: LBounds | [number, number]): LBounds; isValid(): boolean }
interface LLayer { addTo(map: LMap): LLayer; bindTooltip(text: string): LLayer; bindPopup(el: HTMLElement): LLayer; getBounds(): LBounds }
interface LMap { fitBounds(b: LBounds, o: object): void; setView(c: [number, number], zoom: number): void; remove(): void }
interface LeafletApi {
  map(el: HTMLElement, o: object): LMap;
  latLngBounds(points: [number, number][]): LBounds;
  geoJSON(geojson: unknown, o: object): LLayer;
  circleMarker(c: [number, number], o: object): LLayer;
}

export interface ModelMapInput {
  points: MapPoint[];
  communes: Commune[];
  shapes: Shape[];
  label: (p: MapPoint) => string;
  href: (p: MapPoint) => string;
}

function background(L: LeafletApi, map: LMap, input: ModelMapInput): LBounds {
  const bounds = L.latLngBounds([]);
  const withShape = new Set(input.shapes.map((s) => s.unitId));
  const names = new Map(input.communes.map((c) => [c.id, c.name]));
  for (const s of input.shapes) {
    const layer = L.geoJSON(JSON.parse(s.geojson), { style: { color: '#4a5d4a', weight: 1, fillColor: '#e8efe3', fillOpacity: 0.6 } });
    layer.bindTooltip(names.get(s.unitId) ?? '').addTo(map);
    bounds.extend(layer.getBounds());
  }
  for (const c of input.communes) {
    if (withShape.has(c.id) || c.lat === null || c.lon === null) continue;
    L.circleMarker([c.lat, c.lon], { radius: 3, color: '#6b6b6b', weight: 1 }).bindTooltip(c.name).addTo(map);
    bounds.extend([c.lat, c.lon]);
  }
  return bounds;
}

export async function drawModelMap(el: HTMLElement, input: ModelMapInput): Promise<() => void> {
  // Leaflet is UMD: the bundler may hand it over as the default export or as the namespace.
  const mod = (await import('leaflet')) as unknown as LeafletApi & { default?: LeafletApi };
  const L = mod.default ?? mod;
  await import('leaflet/dist/leaflet.css');
  const map = L.map(el, { attributionControl: false, zoomSnap: 0.5 });
  const bounds = background(L, map, input);
  const own = L.latLngBounds([]);
  for (const p of input.points) {
    // Text nodes only: names are user input and must never become HTML.
    const popup = document.createElement('p');
    const a = document.createElement('a');
    a.href = input.href(p);
    a.textContent = input.label(p);
    popup.append(a);
    L.circleMarker([p.lat, p.lon], { radius: 9, color: '#1d4e2b', weight: 2, fillColor: '#3f8f52', fillOpacity: 0.9 }).bindPopup(popup).addTo(map);
    own.extend([p.lat, p.lon]);
  }
  const target = own.isValid() ? own : bounds;
  if (target.isValid()) map.fitBounds(target, { padding: [24, 24], maxZoom: 13 });
  else map.setView([22.3964, 103.4582], 9); // Lai Châu
  return () => map.remove();
}
