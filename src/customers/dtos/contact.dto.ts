import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, Matches } from 'class-validator';

export class ContactDto {
  @ApiProperty({ example: 'Li Wei', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'li.wei@contoso.cn', format: 'email' })
  @IsEmail({}, { message: 'email must be an email address' })
  @Length(3, 254)
  email!: string;

  @ApiPropertyOptional({ example: '+86 10 1234 5678', maxLength: 40 })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ()./-]{3,40}$/, {
    message: 'phone must be a phone number (digits, spaces, + ( ) . / -)',
  })
  phone?: string;
}
