import type { ListQuery } from '../http/list-query';

/** A page of a list: its rows, and how many rows the whole list has (the `Content-Range` total). */
export interface Page<T> {
  rows: T[];
  total: number;
}

/** Which page of a list, in which order: a ListQuery without its filter (the repository takes the filter parsed). */
export type PageRequest<F extends string> = Omit<ListQuery<F>, 'filter'>;
