import { version } from '../../package.json';

/** This Pushback's version, checked against each pack's engines.pushback. The core takes it as a parameter. */
export const PUSHBACK_VERSION: string = version;
