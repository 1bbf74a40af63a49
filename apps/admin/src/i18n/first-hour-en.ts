import type { firstHourFr } from './first-hour-fr';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English messages of the director's and the viewer's first hour (issue 14). */
export const firstHourEn: Shape<typeof firstHourFr> = {
  levier: {
    enums: { unit_cost_nature: { estimate: 'Published estimate', regulated_tariff: 'Regulated tariff' } },
    unit_cost_nature: {
      help: 'Published estimate (study, statistics, report) or regulated tariff fixed by decree or order',
      grade_help: 'Not applicable to a regulated tariff (a fact, not a study): left blank',
    },
    indicators: {
      publicSavings: 'Avoided costs for public finances',
      publicCost: 'Public cost of services',
      publicNetSavings: 'Net medico-social savings (public finances)',
      publicOffsetRatio: 'Avoided costs per €1 of public money invested',
      ledger: 'Who pays, who saves',
    },
    parameters_table: {
      parameter: 'Parameter',
      value: 'Value',
      parameters: 'Parameters',
      params: 'Assumption parameters',
      snapshot: 'Frozen data',
      unit_costs: 'Frozen unit costs',
      unit_cost: 'Unit cost',
      amount: 'Amount',
      price_year: 'Price year',
      source: 'Source',
      assumptions: 'Frozen assumptions',
      assumption: 'Assumption',
    },
    reallocation_words: { organisation_wide: 'Whole organisation, %{range}.' },
    period_words: {
      scope_summary: 'Scope: %{orgUnit}, %{range}',
    },
    periods_notice: {
      unapproved_current:
        'Not yet approved: %{months} — provisional figures (draft) |||| %{smart_count} months not yet approved: %{months} — provisional figures (drafts)',
      unapproved_reported:
        'As published: %{months} not approved, left out of the figures |||| As published: %{smart_count} months not approved, left out of the figures: %{months}',
      incomplete:
        'Incomplete: %{months} — not every expected service has reported yet |||| %{smart_count} incomplete months: %{months} — not every expected service has reported yet',
      no_data: 'No data: %{months} (never counted as €0) |||| No data for %{smart_count} months: %{months} (never counted as €0)',
      newer: 'More recent, outside the range shown: %{months} |||| More recent, outside the range shown: %{months}',
    },
    series_status: {
      no_data: 'no data',
      not_approved: 'not approved',
    },
    comparison_rules: {
      previous: 'Previous period (%{range})',
      previous_same_as_last_year: 'Previous period, i.e. the same period last year (%{range})',
      year: 'Same period last year (%{range})',
      difference_note: 'On a zero or negative base the change is given in euros (difference): a percentage would mean nothing.',
    },
    schedule: {
      label: 'Sending',
      frequency: 'Frequency',
      monthly: 'Every month',
      quarterly: 'Every quarter',
      weekly: 'Every week',
      custom: 'Other (cron expression)',
      day_of_month: 'Day of the month',
      weekday: 'Day',
      hour: 'Hour',
      cron: 'Cron expression (Paris time)',
      summary: 'Sending: %{text}',
      weekdays: {
        1: 'Monday',
        2: 'Tuesday',
        3: 'Wednesday',
        4: 'Thursday',
        5: 'Friday',
        6: 'Saturday',
        0: 'Sunday',
      },
      text_monthly: 'every month, on day %{day} at %{hour}:00',
      text_quarterly: 'every quarter (January, April, July, October), on day %{day} at %{hour}:00',
      text_weekly: 'every %{weekday} at %{hour}:00',
      text_custom: 'custom schedule “%{cron}”',
      first_day: '1',
    },
    coverage: {
      label: 'Period covered',
      help: 'The period each report presents, always a finished one',
      month: 'The last complete month',
      quarter: 'The last complete quarter',
      year: 'The last complete year',
      year_to_date: 'Year to date',
    },
    report_preview: {
      button: 'Preview the report',
      title: 'Report preview: %{name}',
      help: 'The e-mail as its first recipient will receive it, for the period shown; nothing is sent.',
      close: 'Close',
      send: 'Send this preview now',
      failed: 'The preview could not be prepared.',
      frame: 'E-mail preview',
    },
    report_fields: {
      all_services: 'All services',
      default_indicators: 'Default indicators (avoided costs, cost of services, net medico-social savings, avoided costs per €1 invested)',
      language: { fr: 'French', en: 'English' },
    },
    access: {
      title: 'Restricted access',
      body: 'This page is reserved %{holders}. Your role (%{roles}) lets you read the dashboard and the lists.',
      back: 'Back to the dashboard',
      holders_data_entry: 'to finance directors and administrators',
    },
    user_menu: {
      organisation: 'Organisation: %{name}',
      roles: 'Role: %{roles}',
      whole: 'whole organisation',
      on_unit: '%{role} (%{unit})',
      unit: 'a unit',
    },
    role_names: {
      admin: 'Methodology administrator',
      finance: 'Finance director',
      director: 'Director (CCAS, service)',
      viewer: 'Reader',
    },
  },
  resources: {
    'unit-costs': { fields: { nature: 'Nature' } },
    'report-subscriptions': {
      page: { create: 'New report subscription' },
      action: { create: 'New subscription' },
      empty: 'No report subscription yet',
      invite: 'Create a subscription to receive the dashboard by e-mail.',
      fields: { schedule: 'Sending', periodCovered: 'Period covered' },
    },
  },
};
