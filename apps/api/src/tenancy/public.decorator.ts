import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'levier:isPublic';
/** Marks a route that needs no authentication (health, login, unsubscribe link). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
