/**
 * Small stand-in photos for the demo reports: a drawn scene (sky, hills, a river, a heap, smoke)
 * rendered from SVG to a real JPEG by sharp, so the demo exercises the same media path a phone
 * photo takes (decode, re-encode without metadata, thumbnail) without shipping image files.
 * No text is drawn: it would depend on the fonts installed on the server.
 */
import sharp from 'sharp';

export const DEMO_SCENES = ['forest', 'river', 'rubbish', 'smoke', 'field', 'quarry'] as const;
export type DemoScene = (typeof DEMO_SCENES)[number];

const W = 480;
const H = 360;

/** Sky top, ground bottom, and the scene's own shapes. */
const SCENES: Record<DemoScene, { sky: string; ground: string; shapes: string }> = {
  forest: {
    sky: '#a9d3f0',
    ground: '#2f6b3a',
    shapes:
      '<polygon points="20,260 90,110 160,260" fill="#1f4d2a"/><polygon points="120,270 200,90 280,270" fill="#24592f"/>' +
      '<rect x="300" y="220" width="120" height="26" rx="6" fill="#7a4e2d"/><rect x="310" y="250" width="110" height="24" rx="6" fill="#8b5a33"/>'
  },
  river: {
    sky: '#bcdcf2',
    ground: '#4c7d3f',
    shapes:
      '<path d="M0,300 C120,240 200,330 320,270 S460,240 480,250 L480,360 L0,360 Z" fill="#5a8fb8"/>' +
      '<ellipse cx="250" cy="300" rx="60" ry="14" fill="#8a6a3e" opacity="0.8"/>'
  },
  rubbish: {
    sky: '#cfd8dc',
    ground: '#6d5b3f',
    shapes:
      '<ellipse cx="240" cy="280" rx="150" ry="50" fill="#5d5d5d"/><circle cx="190" cy="255" r="22" fill="#2b6cb0"/>' +
      '<rect x="250" y="235" width="40" height="30" fill="#c53030"/><circle cx="310" cy="265" r="16" fill="#e2e8f0"/>'
  },
  smoke: {
    sky: '#b0b7bd',
    ground: '#3f5f3a',
    shapes:
      '<circle cx="240" cy="160" r="60" fill="#8d8d8d" opacity="0.8"/><circle cx="290" cy="110" r="50" fill="#a0a0a0" opacity="0.7"/>' +
      '<polygon points="200,270 240,200 280,270" fill="#e0661b"/>'
  },
  field: {
    sky: '#b3dbf5',
    ground: '#8fae4a',
    shapes:
      '<rect x="60" y="230" width="150" height="80" fill="#d9c27a"/><rect x="260" y="220" width="160" height="90" fill="#a0522d"/>' +
      '<polygon points="300,220 340,180 380,220" fill="#6b4226"/>'
  },
  quarry: {
    sky: '#c6dff0',
    ground: '#8c7b63',
    shapes:
      '<polygon points="0,250 140,160 260,250" fill="#a1887f"/><rect x="300" y="230" width="110" height="40" fill="#f6ad55"/>' +
      '<circle cx="320" cy="275" r="12" fill="#222"/><circle cx="390" cy="275" r="12" fill="#222"/>'
  }
};

function svg(scene: DemoScene, variant: number): string {
  const s = SCENES[scene];
  // A sun that moves with the variant keeps two photos of one scene from being identical files.
  const sunX = 60 + ((variant * 97) % 360);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${s.sky}"/>` +
    `<stop offset="0.55" stop-color="${s.sky}"/><stop offset="0.56" stop-color="${s.ground}"/>` +
    `<stop offset="1" stop-color="${s.ground}"/></linearGradient></defs>` +
    `<rect width="${W}" height="${H}" fill="url(#g)"/><circle cx="${sunX}" cy="60" r="28" fill="#f6e05e"/>` +
    `${s.shapes}</svg>`
  );
}

/** A JPEG of a few kilobytes (well under 30 KB). */
export function demoPhoto(scene: DemoScene, variant = 0): Promise<Buffer> {
  return sharp(Buffer.from(svg(scene, variant)))
    .jpeg({ quality: 70 })
    .toBuffer();
}
