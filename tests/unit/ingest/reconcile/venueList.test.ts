import { describe, expect, it } from 'vitest';
import { parseVenueList } from '../../../../src/ingest/venueList.ts';

describe('parseVenueList', () => {
  it('finds its columns whatever their case, punctuation or bracketed notes', () => {
    const list = parseVenueList({
      header: ['Venue name:', 'Latitude (WGS84)', 'LONGITUDE (WGS84)'],
      firstRow: 2,
      rows: [["St Mary's Church Hall", '52.65', '-1.15'], ['Library', 'n/a', '-1.06'], ['', '', ''], ["st mary's church hall", '52.70', '-1.15'], ["St Mary's Church Hall", '52.65', '-1.15']],
    });
    expect(list.venues).toEqual([["St Mary's Church Hall", { lon: -1.15, lat: 52.65 }]]);
    expect(list.problems).toEqual(['Row 3: “Library” has no usable latitude and longitude in England.', "Row 5: “st mary's church hall” is listed again with a different place; the first one is used."]);
  });

  it('says which three columns it needs', () => {
    expect(parseVenueList({ header: ['Where', 'Lat'], firstRow: 2, rows: [] }).problems).toEqual(['The venue list needs three columns: Venue, Latitude and Longitude.']);
  });
});
