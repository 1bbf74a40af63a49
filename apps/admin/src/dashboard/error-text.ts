/** A displayable message for a failed indicator read: the API's French detail, or a translated key. */
export const errorText = (error: unknown, translate: (key: string, options?: { _?: string }) => string): string => {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  if (!message) return translate('levier.errors.server');
  return translate(message, { _: message });
};
