import { hindsightCollections } from '@hindsight-coe/hindsight/loaders';

export const collections = hindsightCollections();
