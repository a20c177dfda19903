export const LICENCE = {
  iod: 'Source: Ministry of Housing, Communities and Local Government, English Indices of Deprivation (2015 / 2019 / 2025), licensed under the Open Government Licence v3.0.',
  onsGeo: (year: string): string =>
    `Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right ${year}.`,
  ons: 'Source: Office for National Statistics licensed under the Open Government Licence v.3.0 (Census 2021 / mid-year estimates, © Crown copyright).',
  police: 'Contains public sector information from data.police.uk, licensed under the Open Government Licence v3.0.',
  nspl: 'Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2024. Contains Royal Mail data © Royal Mail copyright and database right 2024. Source: Office for National Statistics licensed under the Open Government Licence v.3.0 (National Statistics Postcode Lookup).',
  places: 'Contains OS data © Crown copyright and database right 2019 (OS Open Names), licensed under the Open Government Licence v3.0.',
  glyphs: 'Map text glyphs: the typeface Source Sans Pro © Adobe, licensed under the SIL Open Font License 1.1; glyph files from Ordnance Survey’s OS Open Zoomstack stylesheets, Open Government Licence v3.0.',
} as const;

export const SNAPSHOTS: [string, string, string][] = [
  ['IMDpkg', 'humaniverse/IMD', '2f6c9050afee99a40041eb63b02b6b0c58850704'],
  ['geographr', 'humaniverse/geographr', 'c026be5cc76cb576358082b53f1f13d69ab577ae'],
  ['demographr', 'humaniverse/demographr', 'd0417101e5cad5fe1eca059ac60859e9157a29d2'],
  ['energyflex', 'anetobradley/energy_flex', '709f2f8b79a86e273a86f6c7324f4fc2b1aeeefd'],
  ['casa', 'Yingxi-Z/casa06datascience', '91309fb408f1c30b85b08525e81aa2d2697102bc'],
  ['trafford', 'traffordDataLab/spatial_data', '7fa4f03c29745aa4ca0f17f30e0dd1b31563202c'],
  ['londondata', 'jamesdamillington/london-data', '5edd45296196d4dea215a6559badb5b6bf755eb4'],
  ['ashby', 'mpjashby/crimemappingdata', '1d95298a0b64e155aa64b3e60071cba8caf6beb4 (file deleted at HEAD)'],
  ['leics', 'sanjiv576/Data_Science_Assginment_Recommendation_System', 'cfa59c6ea0ac872c393d27ae429180d00ea30fe2'],
  ['q12024', 'Leonard-Theodorus/UK-Q1-2024-Crime-Data-Analysis', 'db3c48e3f035d647fa2c9ed803d0cbe9145988b9'],
  ['culturedale', 'open-innovations/culturedale-audience-tool', '6642985ffd39affcf6b7b52284066ac9723b0482'],
  ['postcodes2latlon', 'odileeds/Postcodes2LatLon', '9322263c2470e322840428bd8c19aad26b9a2c55'],
  ['gbplaces', 'alasdairrae/gb-places', '2a9c89418dc26c9686a9ee7bfffcde40a0cf313a'],
  ['zoomstack', 'OrdnanceSurvey/OS-Open-Zoomstack-Stylesheets', 'd23143b4a36435680eda99b4febb3187398f594f'],
];

/** Licence lines per output file; snapshot short names in brackets. */
export const FILE_ATTRIBUTION: [string, string[], string[]][] = [
  ['geo/lsoa-five.geojson', [LICENCE.onsGeo('2022 (Kingston gen20), 2021 (Wigan BGC, BSC)'), LICENCE.ons], ['geographr', 'londondata', 'trafford']],
  ['geo/ward-five.geojson', [LICENCE.onsGeo('2021–2022'), LICENCE.ons], ['geographr', 'londondata', 'trafford']],
  ['geo/ward-official-five.geojson', [LICENCE.onsGeo('2022 (WD22 BSC), 2023 (WD23 BGC, Wigan)')], ['geographr', 'trafford']],
  ['geo/lad-five.geojson', [LICENCE.onsGeo('2021–2022')], ['geographr', 'londondata', 'trafford']],
  ['geo/lsoa-england.geojson', [LICENCE.onsGeo('2021')], ['geographr']],
  ['geo/ward-england.geojson', [LICENCE.onsGeo('2021'), LICENCE.ons], ['geographr']],
  ['geo/lad-england.geojson', [LICENCE.onsGeo('2024')], ['geographr']],
  ['first-paint.json', [LICENCE.iod, LICENCE.ons], ['IMDpkg', 'casa', 'geographr']],
  ['first-paint-england.json', [LICENCE.iod], ['IMDpkg']],
  ['tables/areas.arrows', [LICENCE.ons, LICENCE.onsGeo('2021–2024')], ['geographr', 'casa', 'londondata', 'trafford']],
  ['tables/iod2025.arrows', [LICENCE.iod], ['IMDpkg']],
  ['tables/iod2019.arrows', [LICENCE.iod, LICENCE.ons], ['energyflex', 'IMDpkg', 'geographr']],
  ['tables/iod2015.arrows', [LICENCE.iod, LICENCE.ons], ['IMDpkg', 'energyflex', 'geographr']],
  ['tables/census.arrows', [LICENCE.ons], ['casa', 'demographr']],
  ['tables/crimes.arrows', [LICENCE.police, LICENCE.ons], ['leics', 'q12024', 'ashby', 'geographr']],
  ['tables/crime_coverage.arrows', [LICENCE.police], ['leics', 'q12024', 'ashby']],
  ['tables/catalogue.arrows', [LICENCE.iod, LICENCE.ons], []],
  ['tables/postcodes.arrows', [LICENCE.nspl], ['culturedale', 'postcodes2latlon']],
  ['geo/places-five.geojson', [LICENCE.places], ['gbplaces']],
  ['lsoa11-five.json', [LICENCE.ons], ['geographr']],
  // Served from public/ (copied from ../shared/data/raw/glyphs), credited here with the data.
  ['../public/glyphs/', [LICENCE.glyphs], ['zoomstack']],
];
