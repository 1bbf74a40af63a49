import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPasswordReset1795673500000 implements MigrationInterface {
  name = 'AddPasswordReset1795673500000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" ADD "reset_token_hash" character varying(64)`);
    await q.query(`ALTER TABLE "app_user" ADD "reset_token_expires_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "reset_token_expires_at"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "reset_token_hash"`);
  }
}
