// Leaflet 1.9.4 ships no types and @types/leaflet is not installed; it is used untyped (as `any`).
declare module 'leaflet';
