/*
 * How much the long listing pages (/postmortems/, /actions/, /patterns/) show at once: the
 * `listings` option, with HINDSIGHT_LISTINGS (JSON) over it for one build (src/config/settings.ts).
 */
import type { ListingsOptions } from '../config/options';
import { settings } from '../settings';

export type Listings = ListingsOptions;

export const listings: Listings = settings.listings;
