/** French messages of the finance director's month-end (issue 13): the grid's expected metrics, its save report, statuses. */
export const monthEndFr = {
  levier: {
    enums: { submission_status: { previewed: 'Aperçu prêt', discarded: 'Abandonnée' } },
    month_end: {
      grid: {
        count: '%{smart_count} chiffre saisi sur %{expected} attendus |||| %{smart_count} chiffres saisis sur %{expected} attendus',
        not_expected: 'Non attendu pour ce service',
        invalid_number: '%{metric} : nombre attendu, par exemple 1 234,56',
        not_integer: '%{metric} doit être un nombre entier',
        below_min: '%{metric} doit valoir au moins %{min}',
        above_max: '%{metric} doit valoir au plus %{max}',
        invalid_cells:
          '%{smart_count} valeur à corriger avant d’enregistrer (surlignée en rouge). |||| %{smart_count} valeurs à corriger avant d’enregistrer (surlignées en rouge).',
        refused:
          'Saisie non enregistrée : %{smart_count} valeur refusée, surlignée en rouge ; corrigez-la puis enregistrez de nouveau. Rien n’a été enregistré. |||| Saisie non enregistrée : %{smart_count} valeurs refusées, surlignées en rouge ; corrigez-les puis enregistrez de nouveau. Rien n’a été enregistré.',
        saved: 'Saisie enregistrée : %{smart_count} chiffre. |||| Saisie enregistrée : %{smart_count} chiffres.',
        saving: 'Enregistrement en cours…',
        flagged: 'À vérifier',
        confirm_submit_title: 'Soumettre %{orgUnit} – %{period} ?',
        confirm_submit: 'La période part en approbation : une autre personne que vous devra l’approuver.',
        confirm_approve_title: 'Approuver %{orgUnit} – %{period} ?',
        confirm_approve:
          'Approuver verrouille la période : plus aucune correction sans la rouvrir avec un motif. Une autre personne que celle qui l’a soumise doit l’approuver.',
        approved_read_only: 'Période approuvée : la saisie est en lecture seule. Rouvrez la période (motif obligatoire) pour corriger un chiffre.',
      },
      files: {
        template_help:
          'Modèle pré-rempli : une ligne par unité que vous saisissez, service et indicateur attendu, avec les valeurs déjà saisies. Complétez la colonne de la période (une case laissée vide n’est pas saisie : rien n’est enregistré ni remplacé), puis importez-le.',
        template_period: 'Période du modèle',
        template_period_help: 'Mois (2024-03) ou trimestre (2024-T1)',
        template_period_invalid: 'Période attendue : 2024-03 ou 2024-T1',
        template_xlsx: 'Modèle Excel',
        template_csv: 'Modèle CSV',
        errors_csv: 'Rapport d’erreurs (CSV)',
        errors_xlsx: 'Rapport d’erreurs (Excel)',
      },
      submission: {
        title_file: '%{file} — %{date}',
        title_grid: 'Saisie dans la grille — %{date}',
        title_form: 'Correction d’un chiffre — %{date}',
        title_other: 'Dépôt du %{date}',
        changes: 'Changements',
        no_preview: 'Aucun aperçu enregistré pour ce dépôt.',
      },
      audit: {
        org_unit: 'Unité (et ses sous-unités)',
        period: 'Période',
        period_help: '2024-03, 2024-T1 ou 2024',
        actor: 'Utilisateur',
        summary: 'Sur quoi',
      },
      period_history: {
        title: 'Historique de la période',
        empty: 'Aucun changement de statut pour cette période.',
        when: 'Quand',
        who: 'Par',
        what: 'Changement',
        reason: 'Motif',
        actions: { submit: 'Soumise', approve: 'Approuvée', reopen: 'Rouverte' },
      },
      expected_metrics: {
        title: 'Indicateurs attendus par service',
        help: 'Ce que chaque service saisit chaque période : la grille de saisie ne propose que ces indicateurs et la complétude les compte. Sans configuration, un service attend ses dépenses, une mesure d’activité (mois-personnes ou bénéficiaires) et ses résultats constatés.',
        service: 'Service',
        metrics: 'Indicateurs attendus',
        configured: 'Configuration',
        configured_yes: 'Configurée',
        configured_no: 'Par défaut',
        updated: 'Modifiée par %{name} le %{date}',
        either: '%{first} ou %{second}',
        edit: 'Modifier',
        save: 'Enregistrer',
        reset: 'Revenir aux indicateurs par défaut',
        saved: 'Indicateurs attendus enregistrés.',
        reset_done: 'Indicateurs attendus remis par défaut.',
        pick_one: 'Choisissez au moins un indicateur.',
        edit_title: 'Indicateurs attendus : %{service}',
      },
    },
  },
  resources: {
    'audit-log': { fields: { actorName: 'Auteur', reason: 'Motif' } },
    submissions: {
      fields: { fileName: 'Fichier', createdByName: 'Déposé par', finishedAt: 'Traité le', preview: 'Changements' },
    },
    'expected-metrics': {
      name: 'Indicateur attendu |||| Indicateurs attendus',
      fields: {
        service: 'Service',
        serviceLabel: 'Service',
        metrics: 'Indicateurs attendus',
        configured: 'Configuration',
        updatedByName: 'Modifié par',
        updatedAt: 'Modifié le',
      },
    },
  },
};
