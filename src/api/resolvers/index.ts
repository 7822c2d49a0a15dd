// The full resolver map, assembled from the per-concern files.
import { documentResolvers } from './documentResolvers.ts';
import { entityResolvers } from './entityResolvers.ts';
import { projectResolvers } from './projectResolvers.ts';
import { queryResolvers } from './queryResolvers.ts';
import { searchResolvers } from './searchResolvers.ts';

export const resolvers = {
  ...entityResolvers,
  ...projectResolvers,
  ...documentResolvers,
  ...searchResolvers,
  Query: { ...queryResolvers.Query, ...searchResolvers.Query },
};
