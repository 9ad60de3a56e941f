/**
 * A GraphQL document tagged with the types of its result and variables, so
 * that callers get typed data without a code generator. The two type
 * parameters are phantom: they exist only for the compiler.
 */
export interface GraphqlOperation<TData, TVariables> {
  readonly document: string;
  /** Never set; carries the result type. */
  readonly resultType?: TData;
  /** Never set; carries the variables type. */
  readonly variablesType?: TVariables;
}

export type NoVariables = Record<string, never>;

export function graphqlOperation<TData, TVariables = NoVariables>(
  document: string,
): GraphqlOperation<TData, TVariables> {
  return { document };
}
