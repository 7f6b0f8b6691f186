/**
 * Draws the public map: the commune background of $lib/map and the public reports as dots.
 * Leaflet, the outlines and the markers are all fetched only once the visitor asks for the map.
 */
import type { PublicMarker } from '$lib/shared/reports/public';
import { blankMap, drawCommunes, fitFirst, loadLeaflet, textPopup, type Commune, type Shape } from '$lib/map/leaflet';

export interface MapInput {
  /** The page's query string (its filters), passed on to the markers endpoint. */
  search: string;
  label: (r: PublicMarker) => string;
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.json() as Promise<T>;
}

export async function drawMap(el: HTMLElement, input: MapInput): Promise<() => void> {
  const [L, background, markers] = await Promise.all([
    loadLeaflet(),
    getJson<{ communes: Commune[]; shapes: Shape[] }>('/map/communes.json'),
    getJson<{ reports: PublicMarker[] }>(`/map/markers.json${input.search}`)
  ]);
  const map = blankMap(L, el);
  const outlines = drawCommunes(L, map, background.communes, background.shapes);
  const reportBounds = L.latLngBounds([]);
  for (const r of markers.reports) {
    L.circleMarker([r.lat, r.lon], { radius: 8, color: '#8a1c1c', weight: 2, fillColor: '#d9412b', fillOpacity: 0.9 })
      .bindPopup(textPopup(input.label(r)))
      .addTo(map);
    reportBounds.extend([r.lat, r.lon]);
  }
  fitFirst(map, [reportBounds, outlines], { padding: [24, 24], maxZoom: 13 });
  return () => map.remove();
}
