import { DEFAULT_GRAPHQL_LIMITS, type GraphqlLimits } from '../security/graphql-limits.js';
import { ConfigError } from './app-config.js';

type Env = Readonly<Record<string, string | undefined>>;

const SETTINGS: readonly { readonly name: string; readonly key: keyof GraphqlLimits; readonly max: number }[] = [
  { name: 'NAHBAR_GRAPHQL_MAX_DEPTH', key: 'maxDepth', max: 100 },
  { name: 'NAHBAR_GRAPHQL_MAX_ALIASES', key: 'maxAliases', max: 1000 },
  { name: 'NAHBAR_GRAPHQL_MAX_COST', key: 'maxCost', max: 1_000_000 },
  { name: 'NAHBAR_GRAPHQL_MAX_DIRECTIVES', key: 'maxDirectives', max: 1000 },
  { name: 'NAHBAR_MAX_BODY_BYTES', key: 'maxBodyBytes', max: 100 * 1024 * 1024 },
  { name: 'NAHBAR_GRAPHQL_MAX_QUERY_CHARS', key: 'maxQueryChars', max: 10 * 1024 * 1024 },
];

/** The GraphQL request limits, each overridable by its environment variable (a whole number from 1). */
export function readGraphqlLimits(env: Env): GraphqlLimits {
  const limits: Record<keyof GraphqlLimits, number> = { ...DEFAULT_GRAPHQL_LIMITS };
  for (const { name, key, max } of SETTINGS) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < 1 || value > max) {
      throw new ConfigError(`${name} must be a whole number from 1 to ${max}, got "${raw}".`);
    }
    limits[key] = value;
  }
  return limits;
}
