import { type ArgumentsHost, BadRequestException, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';

import { CommonErrorCode, DomainError } from './domain-error.js';

const DATABASE_UNAVAILABLE_EN = 'The database cannot be reached right now. Please try again in a moment.';
const DATABASE_UNAVAILABLE_CODE: string = CommonErrorCode.DatabaseUnavailable;
/** Seconds a client of a plain HTTP route is told to wait when the database is unavailable. */
const RETRY_AFTER_SECONDS = 5;

/**
 * The one mapping from thrown errors to GraphQL errors: domain errors keep their code and message, validation
 * errors become BAD_USER_INPUT, anything else becomes INTERNAL_SERVER_ERROR with no detail (nothing leaks).
 */
@Catch()
export class GraphqlErrorFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('GraphqlErrorFilter');

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() !== 'graphql') {
      // The plain HTTP routes (CSV report, calendar feeds): a lost database is 503 with a retry hint, not a 500.
      if (host.getType() === 'http' && isDatabaseUnavailable(exception)) {
        this.logger.warn(`Database unavailable: ${(exception as Error).name}: ${(exception as Error).message}`);
        const response = host.switchToHttp().getResponse<Response>();
        if (!response.headersSent) {
          response
            .status(503)
            .setHeader('Retry-After', String(RETRY_AFTER_SECONDS))
            .setHeader('Content-Type', 'text/plain; charset=utf-8')
            .send(`${DATABASE_UNAVAILABLE_CODE}: ${DATABASE_UNAVAILABLE_EN}`);
        }
        return undefined;
      }
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
    const { name, message } = exception as { name?: unknown; message?: unknown };
    logger.warn(`Database unavailable: ${String(name)}: ${String(message)}`);
    return new GraphQLError(DATABASE_UNAVAILABLE_EN, {
      extensions: {
        code: CommonErrorCode.DatabaseUnavailable,
        messages: {
          de: 'Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
          en: DATABASE_UNAVAILABLE_EN,
        },
      },
    });
  }
  logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  return new GraphQLError('Something went wrong on our side. Please try again.', {
    extensions: { code: CommonErrorCode.InternalServerError },
  });
}

/**
 * SQLSTATEs of a server that went away or cannot take a connection now: class 08 (connection exception), 57P01
 * admin_shutdown (a fast shutdown, pg_terminate_backend), 57P02 crash_shutdown (an immediate shutdown, a crashed
 * backend), 57P03 cannot_connect_now (starting up, shutting down, in recovery), 53300 too_many_connections.
 */
const UNAVAILABLE_SQLSTATES = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/** Socket errors (Node's `code`) of a connection to the server that was refused, broke or timed out. */
const UNAVAILABLE_SOCKET_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
]);

/**
 * Socket errors that mean unavailable only for the system call that failed: the server's host name does not resolve
 * (a stopped container leaves the network's DNS), its Unix socket is gone (a stopped server removes it).
 */
const UNAVAILABLE_SYSCALL_CODES: Readonly<Record<string, string>> = {
  ENOTFOUND: 'getaddrinfo',
  EAI_AGAIN: 'getaddrinfo',
  ENOENT: 'connect',
};

/**
 * Messages of the driver (pg, pg-pool), which carry no code: the connection ended under a query, a client that saw a
 * connection error is used again, no connection could be had within `connectionTimeoutMillis`.
 */
const UNAVAILABLE_MESSAGES =
  /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect)/;

/**
 * TypeORM releases a query runner when its connection reports an error (PostgresQueryRunner listens for the pg
 * client's `error` event); the next query of a transaction on it then throws one of these. The app never uses a query
 * runner after releasing it itself, so this is a connection lost in the middle of a transaction.
 */
const RELEASED_RUNNER_ERRORS: readonly string[] = [
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
];

/** How deep `isDatabaseUnavailable` follows wrapped errors (driverError, cause, an AggregateError's errors). */
const MAX_DEPTH = 4;

/**
 * The database went away (restart, failover, network) or cannot take the request now: the request did not get
 * through, and trying again shortly will. Nothing was written, or a whole transaction was (PostgreSQL commits
 * atomically): a connection lost during COMMIT leaves it unknown which. Recognised by the SQLSTATE, the socket error,
 * the driver's message, or TypeORM's released query runner, also when wrapped: a TypeORM QueryFailedError (its
 * `driverError`), an error's `cause`, an AggregateError (Node tries every address of a host name).
 */
export function isDatabaseUnavailable(exception: unknown, depth = 0): boolean {
  if (typeof exception !== 'object' || exception === null || depth > MAX_DEPTH) return false;
  const { code, syscall, message, name, driverError, cause } = exception as {
    code?: unknown;
    syscall?: unknown;
    message?: unknown;
    name?: unknown;
    driverError?: unknown;
    cause?: unknown;
  };
  if (typeof code === 'string') {
    if (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_SOCKET_CODES.has(code)) return true;
    if (UNAVAILABLE_SYSCALL_CODES[code] !== undefined && UNAVAILABLE_SYSCALL_CODES[code] === syscall) return true;
  }
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  if (typeof name === 'string' && RELEASED_RUNNER_ERRORS.includes(name)) return true;
  const wrapped = [driverError, cause, ...(exception instanceof AggregateError ? exception.errors : [])];
  return wrapped.some((inner) => isDatabaseUnavailable(inner, depth + 1));
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
