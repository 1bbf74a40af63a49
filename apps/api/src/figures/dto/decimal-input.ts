import { Transform } from 'class-transformer';
import { registerDecorator, ValidationArguments } from 'class-validator';
import { numberCellToDecimal } from '../parsing/number-cell';

/**
 * A figure value in JSON: a decimal string (`"12450.00"`, French `"12 450,00"` too, parsed by the ingestion) or a JSON
 * number, turned into its decimal string here at 15 significant digits without float noise (0.1 + 0.2 arrives as
 * 0.30000000000000004 and becomes "0.3"). Clients that need every digit send strings.
 */
export const DecimalInput = (): PropertyDecorator => (target, propertyName) => {
  Transform(({ value }: { value: unknown }) => (typeof value === 'number' ? (numberCellToDecimal(value) ?? value) : value))(target, propertyName);
  registerDecorator({
    name: 'decimalInput',
    target: target.constructor,
    propertyName: propertyName as string,
    validator: {
      validate: (value: unknown) => typeof value === 'string' && value.length <= 64,
      defaultMessage: (args: ValidationArguments) =>
        `${args.property} doit être un nombre ou un texte décimal (64 caractères au plus), par exemple "12450.50".`,
    },
  });
};
