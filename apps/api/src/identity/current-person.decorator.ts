import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';

import { UnauthenticatedError } from '../common/domain-error.js';
import type { Caller } from './caller.js';
import type { GraphqlContext } from './graphql-context.js';

function callerOf(context: ExecutionContext): Caller {
  const caller = GqlExecutionContext.create(context).getContext<GraphqlContext>().caller;
  if (!caller) throw new UnauthenticatedError();
  return caller;
}

/** The caller the identity guard established for this operation. */
export const CurrentCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Caller => callerOf(context),
);

/** The id of the person the identity guard established for this operation. */
export const CurrentPersonId = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string => callerOf(context).personId,
);
