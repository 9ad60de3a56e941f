import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'nahbar:isPublic';

/** Marks one of the few operations anyone may use without an identity. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
