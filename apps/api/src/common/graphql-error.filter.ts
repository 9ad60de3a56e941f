import { type ArgumentsHost, BadRequestException, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

import { CommonErrorCode, DomainError } from './domain-error.js';

/**
 * The one mapping from thrown errors to GraphQL errors: domain errors keep their code and message, validation
 * errors become BAD_USER_INPUT, anything else becomes INTERNAL_SERVER_ERROR with no detail (nothing leaks).
 */
@Catch()
export class GraphqlErrorFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('GraphqlErrorFilter');

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() !== 'graphql') {
      return super.catch(exception, host);
    }
    return toGraphqlError(exception, this.logger);
  }
}

export function toGraphqlError(exception: unknown, logger: Logger): GraphQLError {
  if (exception instanceof GraphQLError) {
    return exception;
  }
  if (exception instanceof DomainError) {
    const { code, messages, details } = exception;
    return new GraphQLError(exception.message, {
      extensions: {
        ...details,
        ...(messages ? { messages: { de: messages.de, en: messages.en } } : {}),
        code,
      },
    });
  }
  if (exception instanceof BadRequestException) {
    return new GraphQLError(validationMessage(exception), { extensions: { code: CommonErrorCode.BadUserInput } });
  }
  if (exception instanceof HttpException && exception.getStatus() < 500) {
    return new GraphQLError(exception.message, { extensions: { code: CommonErrorCode.BadUserInput } });
  }
  if (isDatabaseUnavailable(exception)) {
    logger.warn(`Database unavailable: ${(exception as Error).message}`);
    return new GraphQLError('The database cannot be reached right now. Please try again in a moment.', {
      extensions: {
        code: CommonErrorCode.DatabaseUnavailable,
        messages: {
          de: 'Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
          en: 'The database cannot be reached right now. Please try again in a moment.',
        },
      },
    });
  }
  logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  return new GraphQLError('Something went wrong on our side. Please try again.', {
    extensions: { code: CommonErrorCode.InternalServerError },
  });
}

/** PostgreSQL error classes of a lost or refused connection (57P01-57P03 shutdown, class 08 connection). */
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[123])$/;

/**
 * The database went away (restart, failover, network): the request did not get through, and trying again shortly
 * will. Nothing was written, or a whole transaction was (PostgreSQL commits atomically).
 */
export function isDatabaseUnavailable(exception: unknown): boolean {
  if (!(exception instanceof Error)) return false;
  const { code, driverError } = exception as Error & { code?: unknown; driverError?: { code?: unknown } };
  const sqlState = typeof code === 'string' ? code : driverError?.code;
  if (typeof sqlState === 'string' && (UNAVAILABLE_SQLSTATES.test(sqlState) || sqlState === 'ECONNREFUSED')) {
    return true;
  }
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(exception.message);
}

function validationMessage(exception: BadRequestException): string {
  const response = exception.getResponse();
  if (typeof response === 'object' && response !== null && 'message' in response) {
    const { message } = response as { message: unknown };
    if (Array.isArray(message)) return message.map(String).join('; ');
    if (typeof message === 'string') return message;
  }
  return exception.message;
}
