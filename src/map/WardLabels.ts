import * as maplibregl from 'maplibre-gl';
import type { Position } from 'geojson';
import { placeLabels } from '../geo/labelCollision.ts';

export interface WardLabel {
  code: string;
  name: string;
  at: Position;
  priority: number;
}

/**
 * Area names (wards, or authorities when zoomed out) as HTML labels. The app serves no glyph files (no third-party
 * font server), so names are DOM elements in the page's own font; a greedy
 * pass hides labels that would overlap.
 */
export class WardLabels {
  private readonly markers = new Map<string, { marker: maplibregl.Marker; el: HTMLElement; label: WardLabel }>();
  private visible: (code: string) => boolean = () => true;
  private preferred: string | null = null;

  /**
   * @param zooms labels show only within this zoom range (ward names when zoomed in,
   *   authority names when zoomed out)
   */
  constructor(
    private readonly map: maplibregl.Map,
    private readonly zooms: { min: number; max: number } = { min: 9.3, max: 24 },
    private readonly className = 'ward-label',
  ) {
    map.on('moveend', () => this.layout());
  }

  setLabels(labels: readonly WardLabel[]): void {
    for (const label of labels) {
      if (this.markers.has(label.code)) continue;
      const el = document.createElement('div');
      el.className = this.className;
      el.textContent = label.name;
      el.setAttribute('aria-hidden', 'true');
      const marker = new maplibregl.Marker({ element: el }).setLngLat(label.at as [number, number]).addTo(this.map);
      this.markers.set(label.code, { marker, el, label });
    }
    this.layout();
  }

  /** Show exactly these labels (used for England, whose labels follow the view). */
  replaceLabels(labels: readonly WardLabel[]): void {
    const keep = new Set(labels.map((l) => l.code));
    for (const [code, { marker }] of this.markers) {
      if (!keep.has(code)) {
        marker.remove();
        this.markers.delete(code);
      }
    }
    this.setLabels(labels);
  }

  /** Show only the labels of wards that pass `keep` (e.g. those in the chosen authority). */
  filter(keep: (code: string) => boolean): void {
    this.visible = keep;
    this.layout();
  }

  /** The selected ward's name is placed first, so it is never the one hidden. */
  prefer(code: string | null): void {
    this.preferred = code;
    this.layout();
  }

  private layout(): void {
    const canvas = this.map.getCanvas();
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    const boxes = [];
    for (const { label } of this.markers.values()) {
      if (!this.visible(label.code)) continue;
      const p = this.map.project(label.at as [number, number]);
      if (p.x < 0 || p.y < 0 || p.x > w || p.y > h) continue;
      const width = label.name.length * (this.className === 'ward-label' ? 6.6 : 8.5) + 8;
      boxes.push({ id: label.code, x: p.x, y: p.y, width, height: 16, priority: label.code === this.preferred ? Infinity : label.priority });
    }
    // Outside their zoom range the names would clutter, or cover the colours they explain.
    const z = this.map.getZoom();
    const kept = z >= this.zooms.min && z < this.zooms.max ? placeLabels(boxes) : new Set<string>();
    for (const [code, { el }] of this.markers) el.style.display = kept.has(code) ? '' : 'none';
  }
}
