import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';

import { UnauthenticatedError } from '../common/domain-error.js';
import type { GraphqlContext } from './graphql-context.js';

/** The id of the person the identity guard established for this operation. */
export const CurrentPersonId = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const personId = GqlExecutionContext.create(context).getContext<GraphqlContext>().personId;
  if (!personId) throw new UnauthenticatedError();
  return personId;
});
