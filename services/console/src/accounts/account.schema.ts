import { Schema } from 'mongoose';
import { ROLES, type Role } from '@buqi/auth';

/** A person who signs in to the console: their roles and where they belong, and their password's hash. */
export interface AccountDocument {
  /** The sign-in name, lower case (e.g. wang.li). */
  _id: string;
  name: string;
  roles: Role[];
  department?: string;
  crew?: string;
  contractor?: string;
  passwordHash: string;
  active: boolean;
  /** Sessions that began before this instant are over (a new password, a deactivation). */
  sessionsValidFrom: Date;
  version: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}

export const ACCOUNT_MODEL = 'Account';

export const accountSchema = new Schema<AccountDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    roles: { type: [{ type: String, enum: ROLES }], required: true },
    department: String,
    crew: String,
    contractor: String,
    passwordHash: { type: String, required: true },
    active: { type: Boolean, required: true },
    sessionsValidFrom: { type: Date, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { collection: 'accounts', versionKey: false, strict: 'throw' },
);
accountSchema.index({ name: 1, _id: 1 });
