import { describe, expect, it } from 'vitest';
import { addressWith, hasAppParams, isAnchorOnly, paramsOf } from './address';

describe('the app state in the address', () => {
  it('reads the fragment first', () => {
    expect(paramsOf({ search: '', hash: '#v=1&state=abc' })).toBe('v=1&state=abc');
    expect(paramsOf({ search: '?v=1&state=old', hash: '#v=1&state=new' })).toBe('v=1&state=new');
  });
  it('still opens links made with the query string', () => {
    expect(paramsOf({ search: '?mode=patient&v=1&state=x', hash: '' })).toBe(
      'mode=patient&v=1&state=x',
    );
  });
  it('an in-page anchor is not app state', () => {
    expect(paramsOf({ search: '?mode=patient', hash: '#chart' })).toBe('mode=patient');
    expect(paramsOf({ search: '', hash: '#chart' })).toBe('');
    expect(isAnchorOnly('#chart')).toBe(true);
    expect(isAnchorOnly('#mode=patient')).toBe(false);
    expect(isAnchorOnly('')).toBe(false);
    expect(hasAppParams('?utm_source=x')).toBe(false);
  });
  it('writes the path and the fragment, moving the app parameters out of an old query', () => {
    const at = (search: string) => ({ pathname: '/app/', search });
    expect(addressWith('#v=1&state=a', at('?v=1&state=old'))).toBe('/app/#v=1&state=a');
    expect(addressWith('#', at(''))).toBe('/app/');
    expect(addressWith('#mode=patient', at('?utm_source=x&mode=patient'))).toBe(
      '/app/?utm_source=x#mode=patient',
    );
  });
});
