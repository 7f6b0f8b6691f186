/** Draws the models map: the commune background of $lib/map and one linked dot per model. */
import type { MapPoint } from '$lib/shared/program/models';
import { blankMap, drawCommunes, fitFirst, loadLeaflet, textPopup, type Commune, type Shape } from '$lib/map/leaflet';

export interface ModelMapInput {
  points: MapPoint[];
  communes: Commune[];
  shapes: Shape[];
  label: (p: MapPoint) => string;
  href: (p: MapPoint) => string;
}

export async function drawModelMap(el: HTMLElement, input: ModelMapInput): Promise<() => void> {
  const L = await loadLeaflet();
  const map = blankMap(L, el);
  const background = drawCommunes(L, map, input.communes, input.shapes);
  const own = L.latLngBounds([]);
  for (const p of input.points) {
    L.circleMarker([p.lat, p.lon], { radius: 9, color: '#1d4e2b', weight: 2, fillColor: '#3f8f52', fillOpacity: 0.9 })
      .bindPopup(textPopup(input.label(p), input.href(p)))
      .addTo(map);
    own.extend([p.lat, p.lon]);
  }
  fitFirst(map, [own, background], { padding: [24, 24], maxZoom: 13 });
  return () => map.remove();
}
