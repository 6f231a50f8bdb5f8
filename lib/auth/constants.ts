export const MIN_PASSWORD_LENGTH = 8;
/** Longer passwords are refused before hashing (scrypt's cost grows with the input). */
export const MAX_PASSWORD_LENGTH = 128;
export const SESSION_DAYS = 7;
/** A session lasts this long after it was made or last extended… */
export const SESSION_EXPIRES_SEC = SESSION_DAYS * 24 * 60 * 60;
/** …and is extended on the first visit after it is a day old (sessions slide while used). */
export const SESSION_UPDATE_AGE_SEC = 24 * 60 * 60;
export const INVITE_DAYS = 30;
/** A reset link made by an instructor or an admin lasts a day: they pass it on by hand. */
export const RESET_LINK_HOURS = 24;
/** A reset link sent by email lasts an hour: it reaches its owner at once. */
export const RESET_MAIL_HOURS = 1;
