import { NotFoundException, ParseUUIDPipe } from '@nestjs/common';

/** A resource id in a path: anything but a UUID names nothing, so it is a 404 like an id of another tenant. */
export const uuidParam = (what = 'Ressource introuvable.'): ParseUUIDPipe => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException(what) });
