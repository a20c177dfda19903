import type { HotspotInput, HotspotRun } from '../analysis/hotspots/runHotspots.ts';
import type { EmergingClass } from '../stats/trend/emergingHotspots.ts';

/** A hotspot run as sent to the worker: the neighbours are built there, from the boundary file. */
export type HotspotRequest = Omit<HotspotInput, 'weights' | 'onProgress'> & {
  /** Boundary GeoJSON (absolute URL) whose features' `code`s cover `codes`. */
  boundaryUrl: string;
};

interface EmergingCube {
  codes: readonly string[];
  /** Number of time steps; cube[t * codes.length + i] is area i at step t (oldest first). */
  steps: number;
  cube: Float64Array;
  /** Judge each month's hot and cold spots on false-discovery-rate adjusted p (default false: p ≤ 0.10 uncorrected). */
  fdr?: boolean;
}

/**
 * An emerging hot spot run. Neighbours are either the touching areas in a
 * boundary file whose features' `code`s cover `codes`, or, for points such as
 * street-rep sites, each point's k nearest points (great-circle distance).
 */
export type EmergingRequest = EmergingCube &
  (
    | { boundaryUrl: string; points?: undefined; k?: undefined }
    | {
        boundaryUrl?: undefined;
        /** lon, lat of each of `codes`, in the same order: [lon0, lat0, lon1, lat1, …]. */
        points: Float64Array;
        k: number;
      }
  );

export interface EmergingResult {
  classes: EmergingClass[];
  trendZ: number[];
  trendP: number[];
  islands: string[];
}

/** Milliseconds: neighbours for this run (incl. a first build), the whole run; and the parts the bench reports. */
export interface HotspotTimings {
  weights: number;
  statistics: number;
  /** Fetching and parsing the boundary file, and building queen contiguity, when first done. */
  load: number;
  queen: number;
  /** Analytic Gi* alone (0 when not measured). */
  analytic: number;
}

/** The hotspot worker's requests (see actor/messages.ts): a Gi* or local Moran run with progress, and an emerging hot spot run. */
export type HotspotRequests = {
  hotspots: { request: HotspotRequest; response: { run: HotspotRun; ms: HotspotTimings }; progress: number };
  emerging: { request: EmergingRequest; response: { result: EmergingResult; ms: number } };
};
