/**
 * Draws the dashboard map with Leaflet, imported only when the user asks for the map. No tile
 * layer: communes are drawn from their outlines (or as shaded circles at their centres when no
 * outline was imported), so it works with no tile server. Every area carries its number as a
 * permanent label and every marker a letter, so nothing depends on colour alone.
 */
import type { DashboardMap } from '$lib/shared/program/dashboard';
import { blankMap, fitFirst, loadLeaflet } from '$lib/map/leaflet';

/** Light to dark green, band 0 … 3 (the legend repeats them with number ranges). */
export const BAND_FILL = ['#f4f4f0', '#c7e1c2', '#74b26b', '#2f6b2a'];
const LETTER = { activity: 'H', model: 'M', report: 'P' } as const;

export interface DrawInput {
  map: DashboardMap;
  areaLabel: (a: DashboardMap['areas'][number]) => string;
  markerLabel: (type: Kind, count: number) => string;
}

type Kind = DashboardMap['markers'][number]['type'];
/** Side by side at one place: activities left of the centre, models right, reports below. */
const ANCHOR: Record<Kind, [number, number]> = { activity: [40, 12], model: [-6, 12], report: [17, -16] };

/**
 * One marker per place and kind, showing its letter and count ("H 5"). Markers are not
 * interactive: everything they say is on their face (and in the tables), so there is nothing
 * small to hit and no overlapping targets.
 */
function groupMarkers(markers: DashboardMap['markers']) {
  const groups = new Map<string, { type: Kind; lat: number; lon: number; n: number }>();
  for (const mk of markers) {
    if (mk.lat === null || mk.lon === null) continue;
    const k = `${mk.type}|${mk.lat}|${mk.lon}`;
    const g = groups.get(k) ?? { type: mk.type, lat: mk.lat, lon: mk.lon, n: 0 };
    g.n++;
    groups.set(k, g);
  }
  return [...groups.values()];
}

export async function drawDashboardMap(el: HTMLElement, input: DrawInput): Promise<() => void> {
  const L = await loadLeaflet();
  const map = blankMap(L, el);
  const bounds = L.latLngBounds([]);
  const shapes = new Map(input.map.shapes.map((s) => [s.unitId, s.geojson]));
  for (const a of input.map.areas) {
    const style = { color: '#333', weight: 1, fillColor: BAND_FILL[a.band], fillOpacity: 0.85, interactive: false };
    const text = input.areaLabel(a);
    const geo = shapes.get(a.id);
    if (geo) {
      const layer = L.geoJSON(JSON.parse(geo), { style })
        .bindTooltip(text, { permanent: true, direction: 'center' })
        .addTo(map);
      bounds.extend(layer.getBounds());
    } else if (a.lat !== null && a.lon !== null) {
      L.circleMarker([a.lat, a.lon], { ...style, radius: 14 })
        .bindTooltip(text, { permanent: true, direction: 'top', offset: [0, -14] })
        .addTo(map);
      bounds.extend([a.lat, a.lon]);
    }
  }
  for (const g of groupMarkers(input.map.markers)) {
    // Built as text, never HTML from data: only a constant letter and a number go in.
    const face = document.createElement('span');
    face.textContent = `${LETTER[g.type]} ${g.n}`;
    face.title = input.markerLabel(g.type, g.n);
    const icon = L.divIcon({
      className: `pd-marker pd-${g.type}`,
      html: face,
      iconSize: [34, 24],
      iconAnchor: ANCHOR[g.type]
    });
    L.marker([g.lat, g.lon], { icon, interactive: false, keyboard: false }).addTo(map);
    bounds.extend([g.lat, g.lon]);
  }
  fitFirst(map, [bounds], { padding: [32, 32], maxZoom: 12 });
  return () => map.remove();
}
