/**
 * Draws the models map: the commune background of $lib/map and one linked dot per place. Models
 * placed by their commune share its centre, so the models at one point share one dot whose popup
 * lists them all (one dot each would stack, and only the top one could be opened).
 */
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
  const atPoint = new Map<string, MapPoint[]>();
  for (const p of input.points) atPoint.set(`${p.lat},${p.lon}`, [...(atPoint.get(`${p.lat},${p.lon}`) ?? []), p]);
  for (const here of atPoint.values()) {
    const { lat, lon } = here[0];
    const popup = document.createElement('div');
    popup.append(...here.map((p) => textPopup(input.label(p), input.href(p))));
    L.circleMarker([lat, lon], {
      radius: here.length > 1 ? 12 : 9,
      color: '#1d4e2b',
      weight: here.length > 1 ? 4 : 2,
      fillColor: '#3f8f52',
      fillOpacity: 0.9
    })
      .bindPopup(popup)
      .addTo(map);
    own.extend([lat, lon]);
  }
  fitFirst(map, [own, background], { padding: [24, 24], maxZoom: 13 });
  return () => map.remove();
}
