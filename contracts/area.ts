import { z } from 'zod';

/** A 6-digit county code, optionally with 3-digit township and village parts. */
export const areaCodeSchema = z.string().regex(/^[0-9]{6}(?:[0-9]{3}){0,2}$/, '6, 9 or 12 digits');

/** The leading digits of area codes: `5202` is every area within 5202… */
export const areaPrefix = z.string().regex(/^[0-9]{2,12}$/, '2 to 12 digits: the start of an area code');

/** The county (区/县) an area code belongs to: its first six digits. */
export const countyOf = (areaCode: string): string => areaCode.slice(0, 6);

/** An area code and each area above it, narrowest first (520221104 → 520221104, 520221). */
export function areaAndAbove(areaCode: string): string[] {
  const codes: string[] = [];
  for (let length = areaCode.length; length >= 6; length -= 3) codes.push(areaCode.slice(0, length));
  return codes;
}
