/** Marker shapes, so that colour is never the only cue that tells scenarios apart. */
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';

/** SVG path of a marker shape centred on 0,0, about 11 px across. */
export function markerPath(shape: MarkerShape | undefined): string {
  switch (shape) {
    case 'square':
      return 'M-5,-5H5V5H-5Z';
    case 'triangle':
      return 'M0,-6L6,5H-6Z';
    case 'diamond':
      return 'M0,-6.5L6.5,0L0,6.5L-6.5,0Z';
    default:
      return 'M-5.5,0A5.5,5.5 0 1,0 5.5,0A5.5,5.5 0 1,0 -5.5,0Z';
  }
}
