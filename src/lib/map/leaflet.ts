/**
 * What every map of the app shares: Leaflet loaded only in the browser and only when a map is
 * shown (it is heavy for a slow phone), and a background drawn from commune outlines (or centre
 * dots when no outline was imported) instead of tiles, so maps work with no tile server reachable.
 */

/** The few Leaflet calls used here (the package ships no types and @types/leaflet is not installed). */
export interface LBounds {
  extend(x: LBounds | [number, number]): LBounds;
  isValid(): boolean;
}
export interface LLayer {
  addTo(map: LMap): LLayer;
  bindTooltip(text: string, o?: object): LLayer;
  bindPopup(el: HTMLElement): LLayer;
  getBounds(): LBounds;
}
export interface LMap {
  fitBounds(b: LBounds, o: object): void;
  setView(c: [number, number], zoom: number): void;
  remove(): void;
}
export interface LeafletApi {
  map(el: HTMLElement, o: object): LMap;
  latLngBounds(points: [number, number][]): LBounds;
  geoJSON(geojson: unknown, o: object): LLayer;
  circleMarker(c: [number, number], o: object): LLayer;
  marker(c: [number, number], o: object): LLayer;
  divIcon(o: object): unknown;
}

export interface Commune {
  id: string;
  name: string;
  lat: number | null;
  lon: number | null;
}
export interface Shape {
  unitId: string;
  geojson: string;
}

/** Lai Châu, shown when there is nothing to fit the view to. */
const HOME: [number, number] = [22.3964, 103.4582];

export async function loadLeaflet(): Promise<LeafletApi> {
  // Leaflet is UMD: the bundler may hand it over as the default export or as the namespace.
  const mod = (await import('leaflet')) as unknown as LeafletApi & { default?: LeafletApi };
  await import('leaflet/dist/leaflet.css');
  return mod.default ?? mod;
}

/** A map without tiles or attribution (there is no tile provider to credit). */
export function blankMap(L: LeafletApi, el: HTMLElement): LMap {
  // No fade: on a cheap phone a popup or a layer is readable at once, not after a transition.
  return L.map(el, { attributionControl: false, zoomSnap: 0.5, fadeAnimation: false });
}

/** Commune outlines with their names as tooltips, centre dots where no outline exists; returns their extent. */
export function drawCommunes(L: LeafletApi, map: LMap, communes: Commune[], shapes: Shape[]): LBounds {
  const bounds = L.latLngBounds([]);
  const withShape = new Set(shapes.map((s) => s.unitId));
  const names = new Map(communes.map((c) => [c.id, c.name]));
  for (const s of shapes) {
    const layer = L.geoJSON(JSON.parse(s.geojson), {
      style: { color: '#4a5d4a', weight: 1, fillColor: '#e8efe3', fillOpacity: 0.6 }
    });
    layer.bindTooltip(names.get(s.unitId) ?? '').addTo(map);
    bounds.extend(layer.getBounds());
  }
  for (const c of communes) {
    if (withShape.has(c.id) || c.lat === null || c.lon === null) continue;
    L.circleMarker([c.lat, c.lon], { radius: 3, color: '#6b6b6b', weight: 1 }).bindTooltip(c.name).addTo(map);
    bounds.extend([c.lat, c.lon]);
  }
  return bounds;
}

/** Fit the first extent that has anything in it, else show the province. */
export function fitFirst(map: LMap, extents: LBounds[], o: { padding: [number, number]; maxZoom: number }): void {
  const target = extents.find((b) => b.isValid());
  if (target) map.fitBounds(target, o);
  else map.setView(HOME, 9);
}

/** A text-only popup: names and descriptions are user input and must never become HTML. */
export function textPopup(text: string, href?: string): HTMLElement {
  const p = document.createElement('p');
  if (!href) {
    p.textContent = text;
    return p;
  }
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  p.append(a);
  return p;
}
