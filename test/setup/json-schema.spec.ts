import { schemaErrors } from './json-schema';

describe(schemaErrors.name, () => {
  const components = {
    PriceIndexResponse: {
      type: 'object',
      properties: { year: { type: 'integer' }, value: { type: 'string' }, grade: { anyOf: [{ type: 'integer' }, { type: 'null' }] } },
      required: ['year', 'value'],
      additionalProperties: false,
    },
  };
  const sut = (value: unknown) => schemaErrors(value, { $ref: '#/components/schemas/PriceIndexResponse' }, components);

  it('accepts a whole number where the contract says integer', () => {
    expect(sut({ year: 2024, value: '1.0234', grade: 3 })).toEqual([]);
  });

  it('refuses 1.5 where the contract says integer, with the path of the field', () => {
    expect(sut({ year: 2024.5, value: '1.0234' })).toEqual(['$.year : attendu integer, reçu number']);
  });

  it('refuses 1.5 in a nullable integer, and accepts null there', () => {
    expect(sut({ year: 2024, value: '1', grade: 1.5 })).toEqual([expect.stringMatching(/^\$\.grade : ne correspond à aucune des 2 formes/)]);
    expect(sut({ year: 2024, value: '1', grade: null })).toEqual([]);
  });

  it('takes an integer for a number (an integer is a number), not the other way round', () => {
    expect(schemaErrors(3, { type: 'number' }, {})).toEqual([]);
    expect(schemaErrors(3.25, { type: 'number' }, {})).toEqual([]);
    expect(schemaErrors(3.25, { type: 'integer' }, {})).toEqual(['$ : attendu integer, reçu number']);
    expect(schemaErrors('3', { type: 'integer' }, {})).toEqual(['$ : attendu integer, reçu string']);
  });

  it('refuses an undeclared property and a missing one', () => {
    expect(sut({ year: 2024, extra: 1 })).toEqual(['$ : propriété value manquante', '$ : propriété extra non déclarée']);
  });

  it('throws on a keyword it does not know rather than passing the value', () => {
    expect(() => schemaErrors(1, { type: 'integer', minimum: 0 }, {})).toThrow('mot-clé de schéma inconnu du validateur : minimum ($)');
  });
});
