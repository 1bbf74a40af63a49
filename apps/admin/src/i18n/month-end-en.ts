import type { monthEndFr } from './month-end-fr';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English messages of the finance director's month-end (issue 13). */
export const monthEndEn: Shape<typeof monthEndFr> = {
  levier: {
    enums: { submission_status: { previewed: 'Preview ready', discarded: 'Discarded' } },
    month_end: {
      grid: {
        count: '%{smart_count} figure entered out of %{expected} expected |||| %{smart_count} figures entered out of %{expected} expected',
        not_expected: 'Not expected for this service',
        invalid_number: '%{metric}: a number is expected, e.g. 1,234.56',
        not_integer: '%{metric} must be a whole number',
        below_min: '%{metric} must be at least %{min}',
        above_max: '%{metric} must be at most %{max}',
        invalid_cells: '%{smart_count} value to fix before saving (highlighted in red). |||| %{smart_count} values to fix before saving (highlighted in red).',
        refused:
          'Not saved: %{smart_count} value refused, highlighted in red; fix it and save again. Nothing was saved. |||| Not saved: %{smart_count} values refused, highlighted in red; fix them and save again. Nothing was saved.',
        saved: 'Saved: %{smart_count} figure. |||| Saved: %{smart_count} figures.',
        saving: 'Saving…',
        flagged: 'To check',
        confirm_submit_title: 'Submit %{orgUnit} – %{period}?',
        confirm_submit: 'The period goes for approval: someone other than you must approve it.',
        confirm_approve_title: 'Approve %{orgUnit} – %{period}?',
        confirm_approve:
          'Approving locks the period: no more corrections without reopening it with a reason. Someone other than the person who submitted it must approve it.',
        approved_read_only: 'Approved period: the grid is read-only. Reopen the period (reason required) to correct a figure.',
      },
      files: {
        template_help:
          'Pre-filled template: one row per unit you enter, service and expected metric, with the values already entered. Fill in the period’s column (a cell left blank is not entered: nothing is written or replaced), then import it.',
        template_period: 'Template period',
        template_period_help: 'Month (2024-03) or quarter (2024-T1)',
        template_period_invalid: 'Expected period: 2024-03 or 2024-T1',
        template_xlsx: 'Excel template',
        template_csv: 'CSV template',
        errors_csv: 'Error report (CSV)',
        errors_xlsx: 'Error report (Excel)',
      },
      submission: {
        title_file: '%{file} — %{date}',
        title_grid: 'Grid entry — %{date}',
        title_form: 'Figure correction — %{date}',
        title_other: 'Submission of %{date}',
        changes: 'Changes',
        no_preview: 'No preview stored for this submission.',
      },
      audit: {
        org_unit: 'Unit (and its sub-units)',
        period: 'Period',
        period_help: '2024-03, 2024-T1 or 2024',
        actor: 'User',
        summary: 'About',
      },
      period_history: {
        title: 'Period history',
        empty: 'No status change for this period.',
        when: 'When',
        who: 'By',
        what: 'Change',
        reason: 'Reason',
        actions: { submit: 'Submitted', approve: 'Approved', reopen: 'Reopened' },
      },
      expected_metrics: {
        title: 'Expected metrics per service',
        help: 'What each service enters every period: the data-entry grid offers only these metrics and completeness counts them. Without configuration, a service expects its spend, one activity measure (person-months or beneficiaries) and its observed outcomes.',
        service: 'Service',
        metrics: 'Expected metrics',
        configured: 'Configuration',
        configured_yes: 'Configured',
        configured_no: 'Default',
        updated: 'Changed by %{name} on %{date}',
        either: '%{first} or %{second}',
        edit: 'Edit',
        save: 'Save',
        reset: 'Back to the default metrics',
        saved: 'Expected metrics saved.',
        reset_done: 'Expected metrics back to the default.',
        pick_one: 'Choose at least one metric.',
        edit_title: 'Expected metrics: %{service}',
      },
    },
  },
  resources: {
    'audit-log': { fields: { actorName: 'Author', reason: 'Reason' } },
    submissions: {
      fields: { fileName: 'File', createdByName: 'Submitted by', finishedAt: 'Processed on', preview: 'Changes' },
    },
    'expected-metrics': {
      name: 'Expected metric |||| Expected metrics',
      fields: {
        service: 'Service',
        serviceLabel: 'Service',
        metrics: 'Expected metrics',
        configured: 'Configuration',
        updatedByName: 'Changed by',
        updatedAt: 'Changed on',
      },
    },
  },
};
