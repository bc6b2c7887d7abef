import { ArrayMaxSize, IsEmail, IsString, ValidateNested, validateSync } from 'class-validator';
import { Type, plainToInstance } from 'class-transformer';
import { flattenValidationErrors } from './request-validation.pipe.js';

class Contact {
  @IsEmail()
  email!: string;
}

class Customer {
  @IsString()
  name!: string;

  @ValidateNested({ each: true })
  @ArrayMaxSize(2)
  @Type(() => Contact)
  contacts!: Contact[];
}

describe('flattenValidationErrors', () => {
  it('names nested and array fields with paths a client can follow', () => {
    const input = plainToInstance(Customer, { name: 7, contacts: [{ email: 'a@b.cn' }, { email: 'nope' }] });
    const fields = flattenValidationErrors(validateSync(input)).map((error) => error.field);
    expect(fields).toEqual(['name', 'contacts[1].email']);
  });
});
