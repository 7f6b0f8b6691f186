/** Draws the public map: the commune background of $lib/map and the public reports as dots. */
import type { PublicReport } from '$lib/shared/reports/public';
import { blankMap, drawCommunes, fitFirst, loadLeaflet, textPopup, type Commune, type Shape } from '$lib/map/leaflet';

export interface MapInput {
  reports: PublicReport[];
  communes: Commune[];
  shapes: Shape[];
  label: (r: PublicReport) => string;
}

export async function drawMap(el: HTMLElement, input: MapInput): Promise<() => void> {
  const L = await loadLeaflet();
  const map = blankMap(L, el);
  const background = drawCommunes(L, map, input.communes, input.shapes);
  const reportBounds = L.latLngBounds([]);
  for (const r of input.reports) {
    if (r.lat === null || r.lon === null) continue;
    L.circleMarker([r.lat, r.lon], { radius: 8, color: '#8a1c1c', weight: 2, fillColor: '#d9412b', fillOpacity: 0.9 })
      .bindPopup(textPopup(input.label(r)))
      .addTo(map);
    reportBounds.extend([r.lat, r.lon]);
  }
  fitFirst(map, [reportBounds, background], { padding: [24, 24], maxZoom: 13 });
  return () => map.remove();
}
