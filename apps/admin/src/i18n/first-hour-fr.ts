/** French messages of the director's and the viewer's first hour (issue 14): periods, comparison, schedule, access, user menu. */
export const firstHourFr = {
  levier: {
    period_words: {
      scope_summary: 'Périmètre : %{orgUnit}, %{range}',
    },
    periods_notice: {
      unapproved_current:
        'Pas encore approuvé : %{months} — chiffres provisoires (brouillon) |||| %{smart_count} mois pas encore approuvés : %{months} — chiffres provisoires (brouillons)',
      unapproved_reported:
        'Tel que publié : %{months} non approuvé, exclu des chiffres |||| Tel que publié : %{smart_count} mois non approuvés, exclus des chiffres : %{months}',
      incomplete:
        'Incomplet : %{months} — tous les services attendus n’ont pas encore transmis leurs chiffres |||| %{smart_count} mois incomplets : %{months} — tous les services attendus n’ont pas encore transmis leurs chiffres',
      no_data: 'Pas de données : %{months} (jamais compté comme 0 €) |||| Pas de données pour %{smart_count} mois : %{months} (jamais comptés comme 0 €)',
      newer: 'Plus récent, hors de la période affichée : %{months} |||| Plus récents, hors de la période affichée : %{months}',
    },
    series_status: {
      no_data: 'pas de données',
      not_approved: 'non approuvé',
    },
    comparison_rules: {
      previous: 'Période précédente (%{range})',
      previous_same_as_last_year: 'Période précédente, soit la même période N-1 (%{range})',
      last_year: 'Même période N-1 (%{range})',
      difference_note: 'Sur une base nulle ou négative, l’évolution est donnée en euros (écart), un pourcentage n’y aurait pas de sens.',
    },
    schedule: {
      label: 'Envoi',
      frequency: 'Fréquence',
      monthly: 'Chaque mois',
      quarterly: 'Chaque trimestre',
      weekly: 'Chaque semaine',
      custom: 'Autre (expression cron)',
      day_of_month: 'Jour du mois',
      weekday: 'Jour',
      hour: 'Heure',
      cron: 'Expression cron (heure de Paris)',
      summary: 'Envoi : %{text}',
      weekdays: {
        1: 'lundi',
        2: 'mardi',
        3: 'mercredi',
        4: 'jeudi',
        5: 'vendredi',
        6: 'samedi',
        0: 'dimanche',
      },
      text_monthly: 'chaque mois, le %{day} à %{hour} h',
      text_quarterly: 'chaque trimestre (janvier, avril, juillet, octobre), le %{day} à %{hour} h',
      text_weekly: 'chaque %{weekday} à %{hour} h',
      text_custom: 'planification personnalisée « %{cron} »',
      first_day: '1er',
    },
    coverage: {
      label: 'Période couverte',
      help: 'La période que chaque rapport présente, toujours une période terminée',
      last_month: 'Le dernier mois complet',
      last_quarter: 'Le dernier trimestre complet',
      last_year: 'La dernière année complète',
      year_to_date: 'Depuis le début de l’année (cumul)',
    },
    report_preview: {
      button: 'Aperçu du rapport',
      title: 'Aperçu du rapport : %{name}',
      help: 'Le courriel tel que le recevra le premier destinataire, pour la période indiquée ; rien n’est envoyé.',
      close: 'Fermer',
      send: 'Envoyer cet aperçu maintenant',
      failed: 'L’aperçu n’a pas pu être préparé.',
      frame: 'Aperçu du courriel',
    },
    report_fields: {
      all_services: 'Tous les services',
      default_indicators: 'Indicateurs par défaut (coûts évités, coût des services, épargne médico-sociale nette, coûts évités pour 1 € investi)',
      language: { fr: 'Français', en: 'Anglais' },
    },
    access: {
      title: 'Accès réservé',
      body: 'Cette page est réservée %{holders}. Votre rôle (%{roles}) permet de consulter le tableau de bord et les listes.',
      back: 'Retour au tableau de bord',
      holders_data_entry: 'aux directions financières et aux administrateurs',
    },
    user_menu: {
      organisation: 'Organisation : %{name}',
      roles: 'Rôle : %{roles}',
      whole: 'toute l’organisation',
      on_unit: '%{role} (%{unit})',
    },
    role_names: {
      admin: 'Administrateur de la méthodologie',
      finance: 'Direction financière',
      director: 'Direction (CCAS, service)',
      viewer: 'Lecteur',
    },
  },
  resources: {
    'report-subscriptions': {
      page: { create: 'Nouvel abonnement aux rapports' },
      action: { create: 'Nouvel abonnement' },
      empty: 'Aucun abonnement aux rapports pour le moment',
      invite: 'Créez un abonnement pour recevoir le tableau de bord par courriel.',
      fields: { schedule: 'Envoi', periodCovered: 'Période couverte' },
    },
  },
};
