export const MIN_PASSWORD_LENGTH = 8;
export const SESSION_DAYS = 7;
export const INVITE_DAYS = 30;
