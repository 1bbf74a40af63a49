/** A figure row that passed validation: codes as in the catalogue, canonical period, value as a decimal string. */
export interface NormalisedRow {
  line: number;
  orgUnit: string;
  service: string;
  metric: string;
  /** `YYYY-MM`, `YYYY-Qn` or `YYYY`. */
  period: string;
  /** Decimal string, e.g. `12450.00`, `-3.5`, `0.125`. */
  value: string;
  comment?: string;
}

export type RowErrorCode =
  | 'missing_org_unit'
  | 'unknown_org_unit'
  | 'not_a_leaf_unit'
  | 'unit_out_of_scope'
  | 'missing_service'
  | 'unknown_service'
  | 'service_not_at_unit'
  | 'missing_metric'
  | 'unknown_metric'
  | 'metric_not_for_service'
  | 'missing_period'
  | 'invalid_period'
  | 'period_granularity'
  | 'missing_value'
  | 'not_a_number'
  | 'below_min'
  | 'above_max'
  | 'not_an_integer'
  | 'duplicate_key'
  | 'nul_byte';

/** One problem of one row: where (line, column header as written in the file), what was there, and what to do, in French. */
export interface RowError {
  line: number;
  /** The column's header text as in the file (its field name if the file has no such column); `null` for the row as a whole. */
  column: string | null;
  /** The cell as written (`''` for a blank cell); `null` for the row as a whole. */
  value: string | null;
  code: RowErrorCode;
  message: string;
  /** The sheet of the row, in a workbook read from several sheets. */
  sheet?: string;
}

export type ValidateRowsResult = { ok: true; rows: NormalisedRow[] } | { ok: false; errors: RowError[] };
