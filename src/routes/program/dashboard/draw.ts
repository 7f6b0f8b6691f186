/**
 * Draws the dashboard map with Leaflet, imported only when the user asks for the map. No tile
 * layer: communes are drawn from their outlines (or as shaded circles at their centres when no
 * outline was imported), so it works with no tile server. Every area carries its number as a
 * permanent label and every marker a letter, so nothing depends on colour alone.
 */
import type { DashboardMap } from '$lib/server/program/dashboard-map';

/** Light to dark green, band 0 … 3 (the legend repeats them with number ranges). */
export const BAND_FILL = ['#f4f4f0', '#c7e1c2', '#74b26b', '#2f6b2a'];
const LETTER = { activity: 'H', model: 'M', report: 'P' } as const;

export interface DrawInput {
  map: DashboardMap;
  areaLabel: (a: DashboardMap['areas'][number]) => string;
  markerLabel: (mk: DashboardMap['markers'][number]) => string;
}

export async function drawDashboardMap(el: HTMLElement, input: DrawInput): Promise<() => void> {
  // Leaflet is UMD: the bundler may hand it over as the default export or as the namespace.
  const mod = await import('leaflet');
  const L = mod.default ?? mod;
  await import('leaflet/dist/leaflet.css');
  const map = L.map(el, { attributionControl: false, zoomSnap: 0.5 });
  const bounds = L.latLngBounds([]);
  const shapes = new Map(input.map.shapes.map((s) => [s.unitId, s.geojson]));
  for (const a of input.map.areas) {
    const style = { color: '#333', weight: 1, fillColor: BAND_FILL[a.band], fillOpacity: 0.85 };
    const text = input.areaLabel(a);
    const geo = shapes.get(a.id);
    if (geo) {
      const layer = L.geoJSON(JSON.parse(geo), { style }).bindTooltip(text, { permanent: true, direction: 'center' }).addTo(map);
      bounds.extend(layer.getBounds());
    } else if (a.lat !== null && a.lon !== null) {
      L.circleMarker([a.lat, a.lon], { ...style, radius: 14 }).bindTooltip(text, { permanent: true, direction: 'right' }).addTo(map);
      bounds.extend([a.lat, a.lon]);
    }
  }
  for (const mk of input.map.markers) {
    const icon = L.divIcon({ className: `pd-marker pd-${mk.type}`, html: LETTER[mk.type], iconSize: [22, 22] });
    // Text content only: names are user input and must never become HTML.
    const popup = document.createElement('p');
    popup.textContent = input.markerLabel(mk);
    L.marker([mk.lat, mk.lon], { icon, keyboard: true, title: popup.textContent }).bindPopup(popup).addTo(map);
    bounds.extend([mk.lat!, mk.lon!]);
  }
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 12 });
  else map.setView([22.3964, 103.4582], 9); // Lai Châu
  return () => map.remove();
}
