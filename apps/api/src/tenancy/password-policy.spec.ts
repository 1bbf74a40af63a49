import { MIN_PASSWORD_LENGTH, passwordProblem } from './password-policy';

const EMAIL = 'jean.dupont@valmont.fr';

describe(passwordProblem.name, () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblem('cheval-agrafe-pile-correcte', EMAIL)).toBeNull();
    expect(passwordProblem('Tr0mb0ne&Pivoine!', EMAIL)).toBeNull();
  });

  it(`refuses fewer than ${MIN_PASSWORD_LENGTH} characters`, () => {
    expect(passwordProblem('Zx9!kq2#Lm', EMAIL)).toBe('Le mot de passe doit contenir au moins 12 caractères.');
  });

  it('refuses a single repeated character', () => {
    expect(passwordProblem('aaaaaaaaaaaa', EMAIL)).toBe('Le mot de passe ne peut pas être un seul caractère répété.');
    expect(passwordProblem('éééééééééééé', EMAIL)).toBe('Le mot de passe ne peut pas être un seul caractère répété.');
  });

  it.each(['jean.dupont@valmont.fr', 'JEAN.DUPONT@VALMONT.FR', 'jean.dupont2024', 'jean.dupont!!', 'xxjean.dupont@valmont.fr'])(
    'refuses the e-mail address or its local part: %s',
    (password) => {
      expect(passwordProblem(password, EMAIL)).toBe('Le mot de passe ne doit pas reprendre l’adresse e-mail : choisissez-en un autre.');
    },
  );

  it.each(['123456789012', 'motdepasse2024', 'Motdepasse123', 'azertyuiop12', 'Soleil123456!', 'azertyazerty', '121212121212', 'Mötdepasse99'])(
    'refuses a common password or a common word with digits around it: %s',
    (password) => {
      expect(passwordProblem(password, EMAIL)).toMatch(/^Ce mot de passe fait partie des plus courants/);
    },
  );
});
