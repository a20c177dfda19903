import type { ReactNode } from 'react';
import { BUILT_IN_PLACES } from '../../geo/places.ts';
import type { CrimeFilterState } from './useCrimeFilters.ts';

/**
 * The authority (when the place in view is not one authority) and crime type
 * choices; `testIdPrefix` names them for the tests (e.g. crime-authority).
 */
export function CrimeFilters({ filters, testIdPrefix, children }: { filters: CrimeFilterState; testIdPrefix: string; children?: ReactNode }) {
  const { single, lad, setLad, type, setType, types, typesProblem } = filters;
  return (
    <div className="filters">
      {!single && (
        <label>
          Authority
          <select value={lad} onChange={(e) => setLad(e.target.value)} data-testid={`${testIdPrefix}-authority`}>
            {BUILT_IN_PLACES.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Crime
        <select value={type} onChange={(e) => setType(e.target.value)} data-testid={`${testIdPrefix}-type`}>
          <option value="">All crime and anti-social behaviour</option>
          {types.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      {children}
      {typesProblem && (
        <p className="problem" role="alert">
          The list of crime types could not be read: {typesProblem}
        </p>
      )}
    </div>
  );
}
