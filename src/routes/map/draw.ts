/**
 * Draws the public map with Leaflet, loaded only in the browser and only on this page. There
 * is no tile layer: the background is plain and the communes are drawn from their polygons
 * (or centre dots when no polygon was imported), so it works with no tile server reachable.
 */
import type { PublicReport } from '$lib/server/reports/public/public.service';

interface Commune { id: string; name: string; lat: number | null; lon: number | null }
interface Shape { unitId: string; geojson: string }

export interface MapInput {
  reports: PublicReport[];
  communes: Commune[];
  shapes: Shape[];
  label: (r: PublicReport) => string;
}

/** The few Leaflet calls used here (the package ships no types). */
interface LBounds { extend(x: LBounds | [number, number]): LBounds; isValid(): boolean }
interface LLayer { addTo(map: LMap): LLayer; bindTooltip(text: string): LLayer; bindPopup(el: HTMLElement): LLayer; getBounds(): LBounds }
interface LMap { fitBounds(b: LBounds, o: object): void; setView(c: [number, number], zoom: number): void; remove(): void }
interface LeafletApi {
  map(el: HTMLElement, o: object): LMap;
  latLngBounds(points: [number, number][]): LBounds;
  geoJSON(geojson: unknown, o: object): LLayer;
  circleMarker(c: [number, number], o: object): LLayer;
}

export async function drawMap(el: HTMLElement, input: MapInput): Promise<() => void> {
  // Leaflet is UMD: the bundler may hand it over as the default export or as the namespace.
  const mod = (await import('leaflet')) as unknown as LeafletApi & { default?: LeafletApi };
  const L = mod.default ?? mod;
  await import('leaflet/dist/leaflet.css');
  const map = L.map(el, { attributionControl: false, zoomSnap: 0.5 });
  const withShape = new Set(input.shapes.map((s) => s.unitId));
  const names = new Map(input.communes.map((c) => [c.id, c.name]));
  const bounds = L.latLngBounds([]);
  for (const s of input.shapes) {
    const layer = L.geoJSON(JSON.parse(s.geojson), { style: { color: '#4a5d4a', weight: 1, fillColor: '#e8efe3', fillOpacity: 0.6 } });
    layer.bindTooltip(names.get(s.unitId) ?? '');
    layer.addTo(map);
    bounds.extend(layer.getBounds());
  }
  for (const c of input.communes) {
    if (withShape.has(c.id) || c.lat === null || c.lon === null) continue;
    L.circleMarker([c.lat, c.lon], { radius: 3, color: '#6b6b6b', weight: 1 }).bindTooltip(c.name).addTo(map);
    bounds.extend([c.lat, c.lon]);
  }
  const reportBounds = L.latLngBounds([]);
  for (const r of input.reports) {
    if (r.lat === null || r.lon === null) continue;
    // Text content only: descriptions are user input and must never become HTML.
    const popup = document.createElement('p');
    popup.textContent = input.label(r);
    L.circleMarker([r.lat, r.lon], { radius: 8, color: '#8a1c1c', weight: 2, fillColor: '#d9412b', fillOpacity: 0.9 }).bindPopup(popup).addTo(map);
    reportBounds.extend([r.lat, r.lon]);
  }
  const target = reportBounds.isValid() ? reportBounds : bounds;
  if (target.isValid()) map.fitBounds(target, { padding: [24, 24], maxZoom: 13 });
  else map.setView([22.3964, 103.4582], 9); // Lai Châu
  return () => map.remove();
}
